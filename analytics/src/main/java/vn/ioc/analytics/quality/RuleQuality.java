package vn.ioc.analytics.quality;

/** What one validation rule of one source checked and failed over a unit and period. */
public record RuleQuality(String source, String rule, long checked, long failed) {
    /** The share of checked rows that passed, in percent; null when nothing was checked. */
    public Double passRate() {
        return checked == 0 ? null : 100.0 * (checked - failed) / checked;
    }
}
