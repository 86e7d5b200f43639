package vn.ioc.analytics.lineage;

import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where one figure comes from: its formula with the numerator and denominator it was computed from, and for each
 * side the source that loaded its facts ({@link Load}: the extract, the ingest run, the rows read, quarantined and
 * dropped for this unit), whether the 2025 crosswalk mapped records into it and what small-count suppression does
 * to it. {@code sample}: the person counts are weighted up from a simulated sample (the demo's data).
 */
public record Lineage(String kpi, Unit unit, Period period, Double value, Side numerator, Side denominator, double factor,
                      List<Load> loads, Crosswalk crosswalk, Suppression suppression, boolean sample) {
    public Lineage {
        loads = List.copyOf(loads);
    }

    /**
     * One side of the formula: the aggregate ({@code expression}, with its row condition {@code where}) over a table,
     * the days it read ({@code from}..{@code to}; null where the period has none of its data or the table is not
     * dated; {@code snapshot}: the table holds a registry's snapshots, dated by their month) and its amount; for a
     * share of communes, the indicator and bar the communes are counted on.
     */
    public record Side(String table, String expression, String where, LocalDate from, LocalDate to, boolean snapshot, Double amount) {
    }

    /**
     * A source's part in the figure: the table it loaded and the run that last replaced the table's partitions the
     * figure reads (null for the reference units, which no ingest loads), with that run's extract month, as-of date,
     * finish time and files (those of the unit's province where the extract is cut by province, out of
     * {@code filesInRun}), and what the run's rules did to this unit's rows.
     */
    public record Load(String source, String table, UUID runId, String extractMonth, LocalDate asOf, Instant loadedAt, List<String> files,
                       int filesInRun, Rows rows) {
        public Load {
            files = List.copyOf(files);
        }
    }

    /**
     * A unit's rows in a run's extract: read, quarantined (failing a validation rule), dropped as duplicates, kept with a
     * pre-reform commune code mapped to today's, and kept but flagged by a rule that only counts.
     */
    public record Rows(long read, long quarantined, long duplicates, long mapped, long flagged) {
        public static final Rows NONE = new Rows(0, 0, 0, 0, 0);
    }

    /**
     * The 2025 crosswalk's part: rows of this unit that came with a pre-reform commune code and were mapped to today's,
     * and whether the figure holds records of a split commune given whole to its largest successor (approximate).
     */
    public record Crosswalk(long mappedRows, boolean approximate) {
        public boolean touched() {
            return mappedRows > 0 || approximate;
        }
    }

    /**
     * Small-count suppression: {@code persons}, whether the indicator counts persons (a part of its breakdowns
     * counting 1 to k-1 persons is hidden, with a complement); a total such as this figure is shown as it is.
     */
    public record Suppression(int k, boolean persons) {
    }
}
