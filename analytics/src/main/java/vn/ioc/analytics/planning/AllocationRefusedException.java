package vn.ioc.analytics.planning;

import java.util.Arrays;
import java.util.List;

/**
 * Why doses cannot be allocated as asked, with the figures a message needs: for {@link Reason#NOT_WHOLE_PACKS} the
 * doses, the pack size and the nearest allocatable amounts below and above; for {@link Reason#OVER_CAPACITY} the
 * doses, the pack size and the room in whole packs; for {@link Reason#BAD_PACK} the pack size.
 */
public final class AllocationRefusedException extends IllegalArgumentException {
    public enum Reason { BAD_PACK, NOT_WHOLE_PACKS, OVER_CAPACITY, NO_SITES }

    private final Reason reason;
    private final List<Long> figures;

    AllocationRefusedException(Reason reason, String message, long... figures) {
        super(message);
        this.reason = reason;
        this.figures = Arrays.stream(figures).boxed().toList();
    }

    public Reason reason() {
        return reason;
    }

    public List<Long> figures() {
        return figures;
    }
}
