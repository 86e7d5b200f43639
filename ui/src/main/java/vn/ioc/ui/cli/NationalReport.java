package vn.ioc.ui.cli;

import com.sun.management.OperatingSystemMXBean;
import com.vaadin.flow.server.Version;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import vn.ioc.analytics.comparison.FactCopy;
import vn.ioc.analytics.comparison.PostgresComparison;
import vn.ioc.analytics.comparison.QueryComparison;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown report of {@code ioc bench all}: the machine and versions, each target with what was measured and by how
 * much it is missed, then each step's figures; the query comparison also as a chart ({@code queries.png}).
 */
final class NationalReport {
    private static final Pattern NATIONAL_MINUTES = Pattern.compile("the whole national load \\(~820 M rows\\) would take about (\\d+) min");
    private static final Pattern INGEST_RATE = Pattern.compile("target >= 1,000,000 raw rows/s: (.*?);");
    private static final String CHART = "queries.png";

    private final Path folder;
    private final ZonedDateTime started = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private final List<String[]> targets = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private String clickHouseVersion = "not run";
    private String postgresVersion = "not run";

    NationalReport(Path folder) {
        this.folder = folder;
    }

    void ingest(List<String> provinces, String printed) {
        Matcher minutes = NATIONAL_MINUTES.matcher(printed);
        Matcher rate = INGEST_RATE.matcher(printed);
        boolean found = minutes.find();
        String measured = found ? "about " + minutes.group(1) + " min for the whole country at the measured rate" : "see the ingest section";
        boolean met = found && Integer.parseInt(minutes.group(1)) <= 10;
        targets.add(new String[]{"National ingest within 10 min on 2 cores (≥ 1 M raw rows/s)",
                measured + (rate.find() ? " (" + rate.group(1) + ")" : ""), met ? "met" : "**missed**"});
        sections.add("## Ingest\n\nGenerated national-scale Parquet extracts " + (provinces.isEmpty() ? "for the whole country" : "for provinces "
                + String.join(", ", provinces) + " (the report extrapolates to the country's ~820 M rows)")
                + ", ingested by the Spark jobs into a fresh warehouse; in the same run, Spark only reading the same files and ClickHouse "
                + "aggregating them.\n\n```\n" + printed.strip() + "\n```\n");
    }

    void facts(String printed) {
        sections.add("## National facts\n\nThe dashboard's facts at national scale (synthesised by ClickHouse from the 3,321 real communes and "
                + "their populations, as `ioc bench analytics` makes them) and the KPI store built from them.\n\n```\n" + printed.strip() + "\n```\n");
    }

    void queries(PostgresComparison.Outcome outcome, int runs) throws IOException {
        clickHouseVersion = outcome.clickHouseVersion();
        postgresVersion = outcome.postgresVersion();
        List<QueryComparison.Result> results = outcome.results();
        long differing = results.stream().filter(result -> !result.difference().isEmpty()).count();
        targets.add(new String[]{"Every dashboard query p95 ≤ 50 ms on ClickHouse", String.format(Locale.ROOT, "worst %.1f ms; %d of %d over",
                outcome.worstClickHouseP95(), outcome.slow(), results.size()), outcome.slow() == 0 ? "met"
                : String.format(Locale.ROOT, "**missed** (worst by %.1fx)", outcome.worstClickHouseP95() / PostgresComparison.TARGET_MS)});
        targets.add(new String[]{"Scans of the facts ≥ 10x faster than PostgreSQL", String.format(Locale.ROOT, "least %.1fx; %d of %d below",
                outcome.leastRatio(), outcome.close(), outcome.scans()), outcome.close() == 0 ? "met"
                : String.format(Locale.ROOT, "**missed** (least by %.1fx)", PostgresComparison.TARGET_RATIO / outcome.leastRatio())});
        targets.add(new String[]{"KPI-store reads: first p95 ≤ 10 ms; kept p95 ≤ 1 ms and not slower than PostgreSQL", String.format(Locale.ROOT,
                "worst first %.1f ms, worst kept %.3f ms; %d of %d miss", outcome.worstFirstRead(), outcome.worstKeptRead(), outcome.storeMissed(),
                outcome.storeReads()), outcome.storeMissed() == 0 ? "met" : "**missed**"});
        StringBuilder section = new StringBuilder("## ClickHouse and PostgreSQL, same facts, same queries\n\n");
        section.append(postgresVersion).append(" from Debian's packages, started by the benchmark on loopback (shared_buffers 4 GB, "
                + "work_mem 256 MB, 2 parallel workers per query), with the facts copied from the warehouse:\n\n| table | rows | copy s | indexes and ANALYZE s |\n|---|---:|---:|---:|\n");
        for (FactCopy.Copied copied : outcome.copied()) {
            section.append(copied.reused() ? String.format(Locale.ROOT, "| %s | %,d | copied by an earlier run | |%n", copied.table(), copied.rows())
                    : String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f |%n", copied.table(), copied.rows(), copied.copySeconds(), copied.indexSeconds()));
        }
        section.append(String.format(Locale.ROOT, "%nThe same SQL text on both, month %s, province %s (the most communes); %d timed runs on each side after 3 "
                + "warm-up runs, taking turns, through each database's JDBC driver; times in ms from sending a query to having read its last row; "
                + "a KPI-store read also as the dashboard reads it once kept until the next build (kept). `SELECT 1` shows what any query costs. "
                + "Answers compared on every query: %s.%n%n", outcome.month().toString().substring(0, 7), outcome.province(), runs,
                differing == 0 ? "the same on both" : differing + " differ (marked)"));
        section.append("| query | rows | ClickHouse p50 | p95 | p99 | PostgreSQL p50 | p95 | p99 | PostgreSQL / ClickHouse (p95) | kept p95 |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        DefaultCategoryDataset chart = new DefaultCategoryDataset();
        for (QueryComparison.Result result : results) {
            section.append(row(result));
            chart.addValue(result.clickHouse().percentile(0.95), "ClickHouse p95", result.query().name());
            chart.addValue(result.postgres().percentile(0.95), "PostgreSQL p95", result.query().name());
        }
        section.append(row(outcome.floor()));
        section.append("\n![p95 of each query on both databases](").append(CHART).append(")\n");
        sections.add(section.toString());
        JFreeChart bars = ChartFactory.createBarChart("Dashboard queries, p95 (ms, log scale)", null, "ms", chart, PlotOrientation.HORIZONTAL,
                true, false, false);
        CategoryPlot plot = bars.getCategoryPlot();
        LogAxis axis = new LogAxis("ms");
        axis.setSmallestValue(0.1);
        plot.setRangeAxis(axis);
        ChartUtils.saveChartAsPNG(folder.resolve(CHART).toFile(), bars, 1400, 160 + 42 * results.size());
    }

    private static String row(QueryComparison.Result result) {
        return String.format(Locale.ROOT, "| %s%s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1fx | %s |%n", result.query().name(),
                result.difference().isEmpty() ? "" : " (answers differ: " + result.difference() + ")", result.rows(),
                result.clickHouse().percentile(0.5), result.clickHouse().percentile(0.95), result.clickHouse().percentile(0.99),
                result.postgres().percentile(0.5), result.postgres().percentile(0.95), result.postgres().percentile(0.99), result.ratio(),
                result.kept().map(times -> String.format(Locale.ROOT, "%.3f", times.percentile(0.95))).orElse(""));
    }

    void dashboard(String views, String load, LoadBenchmark.Outcome outcome) {
        LoadBenchmark.Measured main = outcome.main();
        targets.add(new String[]{main.sessions() + " concurrent sessions (Gatling, server on its own core): page p95 ≤ 300 ms, no errors",
                String.format(Locale.ROOT, "p95 %.0f ms, %d errors, capacity %s sessions", main.p(0.95), main.clients().errors().size(),
                        outcome.capacity() < 0 ? "not searched" : Integer.toString(outcome.capacity())),
                main.within() ? "met" : "**missed**"});
        sections.add("## The dashboard\n\nThe dashboard served from this JVM over the national facts; headless chromium first visits each view in "
                + "one session.\n\n```\n" + views.strip() + "\n```\n\nThen Gatling replays the dashboard's own exchange (sign-in, Vaadin's bootstrap "
                + "and UIDL requests, push) for many sessions, the server on one core and Gatling on the other (see `bench load`).\n\n```\n"
                + load.strip() + "\n```\n");
    }

    Path write() throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        StringBuilder out = new StringBuilder("# National-scale benchmark\n\n");
        out.append("Run `ioc bench all`, started ").append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append(" (Vietnam time).\n\n");
        out.append("| | |\n|---|---|\n");
        out.append(String.format(Locale.ROOT, "| machine | %s, %d cores, %.1f GB memory, %s %s |%n", cpu(), os.getAvailableProcessors(),
                os.getTotalMemorySize() / 1e9, System.getProperty("os.name"), System.getProperty("os.version")));
        out.append("| JDK | ").append(Runtime.version()).append(" |\n");
        out.append("| ClickHouse | ").append(clickHouseVersion).append(" (embedded chDB, through clickhouse-jdbc) |\n");
        out.append("| PostgreSQL | ").append(postgresVersion).append(" |\n");
        out.append("| Vaadin | ").append(Version.getFullVersion()).append(" |\n\n");
        out.append("The machine is shared and noisy: compare figures within this run.\n\n## Targets\n\n| target | measured | |\n|---|---|---|\n");
        for (String[] target : targets) {
            out.append("| ").append(String.join(" | ", target)).append(" |\n");
        }
        out.append('\n');
        sections.forEach(section -> out.append(section).append('\n'));
        Path report = folder.resolve("report.md");
        Files.writeString(report, out.toString());
        return report;
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown processor");
        } catch (IOException e) {
            return "unknown processor";
        }
    }
}
