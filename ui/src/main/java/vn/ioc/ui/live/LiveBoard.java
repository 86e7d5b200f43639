package vn.ioc.ui.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ioc.analytics.live.LiveFigures;
import vn.ioc.analytics.live.LiveService;
import vn.ioc.warehouse.live.DruidEndpoint;
import vn.ioc.warehouse.live.DruidException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live figures for the Live page and the wall's live slide, from the Druid at {@code ioc.live.druid-url}
 * ({@code IOC_DRUID_URL}); none configured, these parts say so. Figures read are shared for two seconds by every
 * page and wall showing the same scope, so Druid is asked about once per scope every few seconds however many watch.
 * While Druid cannot be reached, the last figures read are given again, marked stale.
 */
@Component
public final class LiveBoard {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBoard.class);
    private static final String NATION = "";
    private static final Duration SHARED_FOR = Duration.ofSeconds(2);

    private final Optional<LiveService> live;
    private final Map<String, Read> lastRead = new ConcurrentHashMap<>();

    /** Figures as read from Druid, and when. */
    private record Read(Optional<LiveFigures> figures, Instant at) {
    }

    /**
     * @param figures  the last figures read (empty while the stream has no event yet, or Druid was never reached)
     * @param stale    Druid could not be reached just now: {@code figures} are the last read
     * @param problem  why, when stale
     */
    public record Reading(boolean configured, Optional<LiveFigures> figures, boolean stale, String problem) {
    }

    public LiveBoard(@Value("${ioc.live.druid-url:${IOC_DRUID_URL:}}") String url,
                     @Value("${ioc.live.datasource:service_events}") String datasource,
                     @Value("${ioc.live.timeout-ms:3000}") long timeoutMillis) {
        this.live = url.isBlank() ? Optional.empty()
                : Optional.of(new LiveService(DruidEndpoint.router(url), datasource, Duration.ofMillis(timeoutMillis)));
    }

    public boolean configured() {
        return live.isPresent();
    }

    /** The figures of a province (its code), or the nation's when empty. */
    public Reading read(Optional<String> province) {
        if (live.isEmpty()) {
            return new Reading(false, Optional.empty(), false, "");
        }
        String key = province.orElse(NATION);
        Read last = lastRead.get(key);
        if (last != null && last.at().plus(SHARED_FOR).isAfter(Instant.now())) {
            return new Reading(true, last.figures(), false, "");
        }
        try {
            Optional<LiveFigures> figures = live.get().figures(province);
            lastRead.put(key, new Read(figures, Instant.now()));
            return new Reading(true, figures, false, "");
        } catch (DruidException e) {
            LOG.warn("live figures for {} could not be read, showing the last ones: {}", province.orElse("the nation"), e.getMessage());
            return new Reading(true, last == null ? Optional.empty() : last.figures(), true, e.getMessage());
        }
    }
}
