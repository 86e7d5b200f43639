package vn.ioc.analytics.catalogue;

/** An indicator over other indicators: the share of a unit's communes whose value of {@code kpi} meets {@code bar}. */
public record CommuneShare(String kpi, double bar) {
}
