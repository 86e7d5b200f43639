package vn.ioc.ui.access;

/** What a dashboard user may see and do. */
public enum Role {
    /** Every province and commune, read only. */
    NATIONAL_VIEWER,
    /** Bound to one province: provinces nationally, but communes of their own province only. */
    PROVINCIAL_LEADER,
    /** Every unit, and the planning tools. */
    PLANNER,
    /** Everything, including administration. */
    ADMIN,
    /** A wall screen's device: read only, its wall pages; scoped like a leader when bound to a province. */
    WALL;

    /** Whether this role uses the planning tools. */
    public boolean plans() {
        return this == PLANNER || this == ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
