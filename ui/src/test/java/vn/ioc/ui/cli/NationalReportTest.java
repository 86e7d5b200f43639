package vn.ioc.ui.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.analytics.comparison.DashboardQueries;
import vn.ioc.analytics.comparison.FactCopy;
import vn.ioc.analytics.comparison.PostgresComparison;
import vn.ioc.analytics.comparison.QueryComparison;
import vn.ioc.ui.load.GatlingRun;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report of {@code ioc bench all}: every target with what was measured and by how much it is missed, and the chart. */
class NationalReportTest {
    @Test
    void targetsSayWhatWasMissedAndByHowMuch(@TempDir Path folder) throws Exception {
        NationalReport report = new NationalReport(folder);
        report.ingest(List.of("48"), """
                spark 4.2.0, local[*]
                all                             23,023,248      325.2       70,791
                target >= 1,000,000 raw rows/s: MISSED (70,791 rows/s); the whole national load (~820 M rows) would take about 193 min at this rate (target <= 10 min)
                """);
        report.queries(new PostgresComparison.Outcome("26.7.3.1", "PostgreSQL 15.14 (Debian 15.14-0+deb12u1)", List.of(new FactCopy.Copied("population_facts", 16_100_208, 80.5, 40.2, false)),
                LocalDate.of(2026, 10, 1), "79", List.of(
                new QueryComparison.Result(query("chip-ID rate 14+, nation", false), 1, times(8, 12), times(900, 1200), "", Optional.empty()),
                new QueryComparison.Result(query("on-time rate, all communes ranked", false), 3321, times(70, 100), times(400, 500), "", Optional.empty()),
                new QueryComparison.Result(query("KPI store: provinces ranked", true), 34, times(4, 12), times(2, 3), "", Optional.of(times(0.01, 0.02)))),
                new QueryComparison.Result(query("SELECT 1", false), 1, times(2, 3), times(0.2, 0.3), "", Optional.empty())), 2);
        GatlingRun.Result clients = new GatlingRun.Result(50, Duration.ofSeconds(15), List.of(120.0, 250.0, 700.0), List.of(400.0), List.of(), List.of(),
                List.of(), Path.of("gatling.log"));
        report.dashboard("12 views, worst p95 140.0 ms", "load: 50 sessions, p95 700 ms",
                new LoadBenchmark.Outcome(new LoadBenchmark.Measured(50, 0, 60, clients, List.of(90.0, 150.0), 25.0, 1, 1, 1, 1), 25));
        String written = Files.readString(report.write());

        assertTrue(written.contains("| National ingest within 10 min on 2 cores (≥ 1 M raw rows/s) | about 193 min for the whole country at the measured "
                + "rate (MISSED (70,791 rows/s)) | **missed** |"), written);
        assertTrue(written.contains("| Every dashboard query p95 ≤ 50 ms on ClickHouse | worst 100.0 ms; 1 of 3 over | **missed** (worst by 2.0x) |"), written);
        assertTrue(written.contains("| Scans of the facts ≥ 10x faster than PostgreSQL | least 5.0x; 1 of 2 below | **missed** (least by 2.0x) |"), written);
        assertTrue(written.contains("| KPI-store reads: first p95 ≤ 10 ms; kept p95 ≤ 1 ms and not slower than PostgreSQL | worst first 12.0 ms, "
                + "worst kept 0.020 ms; 1 of 1 miss | **missed** |"), written);
        assertTrue(written.contains("| KPI store: provinces ranked | 34 | 4.0 | 12.0 | 12.0 | 2.0 | 3.0 | 3.0 | 0.3x | 0.020 |"), written);
        assertTrue(written.contains("| SELECT 1 | 1 | 2.0 | 3.0 | 3.0 | 0.2 | 0.3 | 0.3 | 0.1x |  |"), written);
        assertTrue(written.contains("| 50 concurrent sessions (Gatling, server on its own core): page p95 ≤ 300 ms, no errors | p95 700 ms, 0 errors, "
                + "capacity 25 sessions | **missed** |"), written);
        assertTrue(written.contains("12 views, worst p95 140.0 ms") && written.contains("load: 50 sessions, p95 700 ms"), written);
        assertTrue(written.contains("| population_facts | 16,100,208 | 80.5 | 40.2 |"), written);
        assertTrue(written.contains("| chip-ID rate 14+, nation | 1 | 8.0 | 12.0 | 12.0 | 900.0 | 1200.0 | 1200.0 | 100.0x |  |"), written);
        assertTrue(written.contains("PostgreSQL 15.14") && written.contains("spark 4.2.0") && written.contains("](queries.png)"), written);
        BufferedImage chart = ImageIO.read(folder.resolve("queries.png").toFile());
        assertTrue(chart.getWidth() == 1400 && chart.getHeight() > 160, "the chart is drawn");
    }

    private static DashboardQueries.Query query(String name, boolean store) {
        return new DashboardQueries.Query(name, "SELECT 1", List.of(), store);
    }

    private static QueryComparison.Times times(double fast, double slow) {
        return new QueryComparison.Times(List.of(fast, slow));
    }
}
