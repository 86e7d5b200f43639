package vn.ioc.ingest.live;

import vn.ioc.warehouse.live.ServiceEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Recorded application events played back in their order as if they were happening now, from {@code start} on
 * {@code speedUp} times faster than they happened (an hour of the portal in a minute at 60), or all at once when
 * {@code speedUp} is 0: the demo room's feed, and the benchmark's. Events before {@code start} (the history of what is
 * still open then) come at once.
 */
public final class ReplaySource implements EventSource {
    private final List<ServiceEvent> events;
    private final double speedUp;
    private final Clock clock;
    private final Instant start;
    private final Instant startedAt;

    public ReplaySource(List<ServiceEvent> events, Instant start, double speedUp, Clock clock) {
        if (speedUp < 0 || Double.isNaN(speedUp)) {
            throw new IllegalArgumentException("the replay's speed-up must be 0 (as fast as possible) or more, not " + speedUp);
        }
        this.events = events.stream().sorted(Comparator.comparing(ServiceEvent::time).thenComparing(ServiceEvent::id)).toList();
        this.speedUp = speedUp;
        this.start = requireNonNull(start, "start");
        this.clock = requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
    }

    public int size() {
        return events.size();
    }

    /** The stream time of the replay now: where its clock stands among the recorded events. */
    public Instant streamTime() {
        if (speedUp == 0) {
            return events.isEmpty() ? start : events.getLast().time();
        }
        Duration played = Duration.between(startedAt, clock.instant());
        return start.plusMillis((long) (played.toMillis() * speedUp));
    }

    @Override
    public List<ServiceEvent> read(long position, int max) {
        int from = (int) Math.min(position, events.size());
        int to = Math.min(events.size(), from + max);
        if (speedUp > 0) {
            Instant now = streamTime();
            int arrived = from;
            while (arrived < to && !events.get(arrived).time().isAfter(now)) {
                arrived++;
            }
            to = arrived;
        }
        return events.subList(from, to);
    }

    @Override
    public boolean exhausted(long position) {
        return position >= events.size();
    }
}
