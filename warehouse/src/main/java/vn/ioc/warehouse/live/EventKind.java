package vn.ioc.warehouse.live;

/** What happened to an application, as the live datasource names it. */
public enum EventKind {
    SUBMITTED("submitted"),
    ACCEPTED("accepted"),
    RESOLVED("resolved"),
    REJECTED("rejected"),
    /** Its legal time limit passed while it was still open. */
    OVERDUE("overdue");

    private final String wire;

    EventKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
