package vn.ioc.ingest.live;

import vn.ioc.warehouse.live.DruidException;
import vn.ioc.warehouse.live.LiveDatasource;
import vn.ioc.warehouse.live.ServiceEvent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Application events from a source into the live Druid datasource in micro-batches, at least once and counted once:
 * every few seconds the events that arrived are appended as one task whose id is fixed by the source positions it
 * covers, so a batch sent again after a lost answer or an outage is recognised by Druid instead of counted twice;
 * a batch whose task failed is sent again; repeats of an event id the feed has seen are dropped. While Druid is
 * unreachable the feed holds its batch and retries.
 */
public final class LiveFeed {
    /**
     * @param batchEvery  how long events gather before they are sent
     * @param maxBatch    most events in one batch
     * @param inFlight    most batches sent and not yet confirmed (the indexer's task slots)
     * @param retryEvery  how long to wait after Druid could not be reached
     * @param recentIds   how many of the latest event ids are remembered to drop repeats
     */
    public record Options(Duration batchEvery, int maxBatch, int inFlight, Duration retryEvery, int recentIds) {
        public static final Options DEFAULT = new Options(Duration.ofSeconds(3), 25_000, 2, Duration.ofSeconds(2), 1_000_000);
    }

    /**
     * What the feed did so far: events delivered (confirmed), repeats dropped, batches confirmed, batches sent again, outages,
     * the time of the latest event delivered, when the latest batch was confirmed, and when the first was and its size.
     */
    public record Progress(long delivered, long duplicates, long batches, long resent, long outages, Instant streamTime, Instant confirmedAt,
                           Instant firstConfirmedAt, long firstBatch) {
        /** Events per second from the first batch confirmed to the latest: the rate once Druid's indexer is at work; NaN before two. */
        public double sustainedRate() {
            double seconds = Duration.between(firstConfirmedAt, confirmedAt).toMillis() / 1000.0;
            return batches < 2 || seconds <= 0 ? Double.NaN : (delivered - firstBatch) / seconds;
        }
    }

    /** A batch Druid fails this many times stops the feed: something other than an outage is wrong. */
    static final int MAX_ATTEMPTS = 5;

    private final LiveDatasource datasource;
    private final Path checkpointFile;
    private final Options options;
    private final Clock clock;
    private final Consumer<String> log;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final SequencedSet<String> recentIds = new LinkedHashSet<>();
    private final Map<String, Batch> pending = new HashMap<>();
    private volatile Progress progress = new Progress(0, 0, 0, 0, 0, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, 0);
    private String feed;
    /** Druid was asked to compact the datasource by itself (once per run, before the first batch). */
    private boolean compactionAsked;
    /** Every event before it is in a batch sent. */
    private long position;

    /** Events sent as one task. */
    private record Batch(FeedCheckpoint.SentBatch sent, List<ServiceEvent> events) {
        String task() {
            return sent.task();
        }
    }

    public LiveFeed(LiveDatasource datasource, Path checkpointFile, Options options, Clock clock, Consumer<String> log) {
        this.datasource = requireNonNull(datasource, "datasource");
        this.checkpointFile = requireNonNull(checkpointFile, "checkpointFile");
        this.options = requireNonNull(options, "options");
        this.clock = requireNonNull(clock, "clock");
        this.log = requireNonNull(log, "log");
    }

    public Progress progress() {
        return progress;
    }

    /** Asks a running feed to stop after its current step; what it has not confirmed is read again at the next start. */
    public void stop() {
        stopping.set(true);
    }

    /** Feeds until the source is exhausted and every batch is confirmed (or {@link #stop()}). */
    public Progress run(EventSource source) {
        FeedCheckpoint checkpoint = FeedCheckpoint.load(checkpointFile);
        feed = checkpoint.feed();
        position = checkpoint.position();
        for (FeedCheckpoint.SentBatch sent : checkpoint.pending()) {
            // The batch is read again as it was; its task tells whether it still has to be sent.
            pending.put(sent.task(), new Batch(sent, unique(source.read(sent.from(), (int) (sent.to() - sent.from())))));
        }
        List<ServiceEvent> gathering = new ArrayList<>();
        long gatheredUpTo = position;
        Instant gatheringSince = clock.instant();
        boolean druidDown = false;
        while (!stopping.get()) {
            boolean busy = false;
            boolean drained = source.exhausted(gatheredUpTo) && gathering.isEmpty();
            try {
                busy |= confirm();
                if (druidDown) {
                    log.accept("Druid answers again; resuming with " + held(gathering) + " batch(es) held");
                    druidDown = false;
                }
                boolean due = gathering.size() >= options.maxBatch() || !gathering.isEmpty()
                        && (source.exhausted(gatheredUpTo) || Duration.between(gatheringSince, clock.instant()).compareTo(options.batchEvery()) >= 0);
                if (due && pending.size() < options.inFlight()) {
                    String task = datasource.name() + "_" + feed + "_" + position + "_" + gatheredUpTo;
                    Batch batch = new Batch(new FeedCheckpoint.SentBatch(task, position, gatheredUpTo, 0), List.copyOf(gathering));
                    pending.put(task, batch);
                    position = gatheredUpTo;
                    saveCheckpoint();
                    gathering.clear();
                    gatheringSince = clock.instant();
                    busy = true;
                    send(batch); // if Druid is down now, the batch is sent again once it is back
                }
            } catch (DruidException e) {
                if (!e.unavailable()) {
                    throw e;
                }
                if (!druidDown) {
                    count(0, 0, 0, 0, 1);
                    log.accept("Druid is unavailable (" + e.getMessage() + "); holding " + held(gathering) + " batch(es), retrying every "
                            + options.retryEvery().toSeconds() + " s");
                    druidDown = true;
                }
                sleep(options.retryEvery());
                continue;
            }
            if (drained && pending.isEmpty()) {
                break;
            }
            if (gathering.size() < options.maxBatch()) {
                List<ServiceEvent> arrived = source.read(gatheredUpTo, options.maxBatch() - gathering.size());
                gatheredUpTo += arrived.size();
                for (ServiceEvent event : arrived) {
                    if (remember(event.id())) {
                        gathering.add(event);
                    } else {
                        count(0, 1, 0, 0, 0);
                    }
                }
                if (gathering.isEmpty()) {
                    position = gatheredUpTo; // nothing but repeats: nothing to send for them
                    gatheringSince = clock.instant();
                }
                busy |= !arrived.isEmpty();
            }
            if (!busy) {
                sleep(Duration.ofMillis(100));
            }
        }
        saveCheckpoint();
        return progress;
    }

    /** Checks the tasks sent: confirmed batches are done, failed or lost ones are sent again. True when something changed. */
    private boolean confirm() {
        boolean changed = false;
        for (Batch batch : List.copyOf(pending.values())) {
            switch (datasource.state(batch.task())) {
                case RUNNING -> {
                }
                case SUCCESS -> {
                    pending.remove(batch.task());
                    Instant latest = batch.events().getLast().time();
                    Instant now = clock.instant();
                    boolean first = progress.batches() == 0;
                    progress = new Progress(progress.delivered() + batch.events().size(), progress.duplicates(), progress.batches() + 1,
                            progress.resent(), progress.outages(), latest.isAfter(progress.streamTime()) ? latest : progress.streamTime(), now,
                            first ? now : progress.firstConfirmedAt(), first ? batch.events().size() : progress.firstBatch());
                    changed = true;
                }
                case FAILED -> {
                    pending.remove(batch.task());
                    changed = true;
                    FeedCheckpoint.SentBatch failed = batch.sent();
                    String reason = datasource.failure(batch.task());
                    int attempt = failed.attempt() + 1;
                    if (attempt > MAX_ATTEMPTS) {
                        pending.put(batch.task(), batch); // kept in the checkpoint: a restart tries it again
                        saveCheckpoint();
                        throw new IllegalStateException("Druid failed the batch of source positions " + failed.from() + " to " + failed.to() + " "
                                + attempt + " times, last as task " + failed.task() + ": " + reason);
                    }
                    log.accept("task " + batch.task() + " failed (" + reason + "); sending it again");
                    sleep(options.retryEvery());
                    String first = failed.attempt() == 0 ? failed.task() : failed.task().substring(0, failed.task().lastIndexOf("_retry"));
                    Batch again = new Batch(new FeedCheckpoint.SentBatch(first + "_retry" + attempt, failed.from(), failed.to(), attempt),
                            batch.events());
                    pending.put(again.task(), again);
                    send(again);
                    count(0, 0, 0, 1, 0);
                }
                case UNKNOWN -> {
                    send(batch); // it never reached the overlord: the same id again
                    changed = true;
                }
            }
        }
        if (changed) {
            saveCheckpoint();
        }
        return changed;
    }

    private void send(Batch batch) {
        if (!compactionAsked) {
            datasource.compactAutomatically();
            compactionAsked = true;
        }
        datasource.append(batch.task(), batch.events());
    }

    private List<ServiceEvent> unique(List<ServiceEvent> events) {
        return events.stream().filter(event -> remember(event.id())).toList();
    }

    private boolean remember(String id) {
        if (!recentIds.add(id)) {
            return false;
        }
        if (recentIds.size() > options.recentIds()) {
            recentIds.removeFirst();
        }
        return true;
    }

    private int held(List<ServiceEvent> gathering) {
        return pending.size() + (gathering.isEmpty() ? 0 : 1);
    }

    private void count(long delivered, long duplicates, long batches, long resent, long outages) {
        progress = new Progress(progress.delivered() + delivered, progress.duplicates() + duplicates, progress.batches() + batches,
                progress.resent() + resent, progress.outages() + outages, progress.streamTime(), progress.confirmedAt(), progress.firstConfirmedAt(),
                progress.firstBatch());
    }

    private void saveCheckpoint() {
        List<FeedCheckpoint.SentBatch> sent = pending.values().stream().map(Batch::sent).toList();
        new FeedCheckpoint(feed, position, sent).save(checkpointFile);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the live feed was interrupted", e);
        }
    }
}
