package vn.ioc.ingest.live;

import vn.ioc.warehouse.live.ServiceEvent;

import java.util.List;

/**
 * Where the live feed takes application events from, by position: the events from a position on are always the same
 * ones, so that what was not confirmed delivered can be read again (at-least-once). The same event may still come
 * twice (the feed drops repeats by event id).
 */
public interface EventSource {
    /** Up to {@code max} events from {@code position} on that have arrived by now: perhaps fewer, perhaps none. */
    List<ServiceEvent> read(long position, int max);

    /** True when no event will ever come at or after {@code position}. */
    boolean exhausted(long position);
}
