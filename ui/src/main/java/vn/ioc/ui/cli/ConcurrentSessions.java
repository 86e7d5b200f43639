package vn.ioc.ui.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ioc.analytics.cli.AnalyticsBenchmark;
import vn.ioc.ui.base.ViewBuildTimes;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load phase of {@code ioc bench ui}: many signed-in sessions opening the dashboard's pages at once, on loopback,
 * for a bounded time (the browsers run on the same machine as the server and share its cores). Measures the pages as
 * the browsers see them, the server's build of each, the errors, and the server's memory.
 */
final class ConcurrentSessions {
    static final double TARGET_MS = 300;

    private final Path script;
    private final int port;
    private final int sessions;
    private final int seconds;

    ConcurrentSessions(Path script, int port, int sessions, int seconds) {
        this.script = script;
        this.port = port;
        this.sessions = sessions;
        this.seconds = seconds;
    }

    /** What the sessions saw: page times (ms) in the browsers and on the server, errors, and the server's peak memory. */
    record Load(int sessions, int seconds, List<Double> pages, List<Double> builds, List<String> errors, long peakHeapBytes, long peakResidentBytes) {
        double pagesPerSecond() {
            return pages.size() / (double) seconds;
        }

        boolean met() {
            return errors.isEmpty() && !pages.isEmpty() && AnalyticsBenchmark.percentile(pages, 0.95) <= TARGET_MS;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d concurrent sessions for %d s: %,d pages (%.1f pages/s), %d errors%n",
                    sessions, seconds, pages.size(), pagesPerSecond(), errors.size()));
            if (!pages.isEmpty()) {
                out.append(String.format(Locale.ROOT, "  page in the browsers (asked for to heading shown): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n",
                        AnalyticsBenchmark.percentile(pages, 0.5), AnalyticsBenchmark.percentile(pages, 0.95), AnalyticsBenchmark.percentile(pages, 0.99)));
            }
            if (!builds.isEmpty()) {
                out.append(String.format(Locale.ROOT, "  server-side build: p50 %.0f ms, p95 %.0f ms%n", AnalyticsBenchmark.percentile(builds, 0.5),
                        AnalyticsBenchmark.percentile(builds, 0.95)));
            }
            out.append(String.format(Locale.ROOT, "  server memory: heap peak %,.0f MB, resident peak %,.0f MB%n", peakHeapBytes / 1e6, peakResidentBytes / 1e6));
            errors.stream().distinct().limit(5).forEach(error -> out.append("  error: ").append(error).append('\n'));
            out.append(String.format(Locale.ROOT, "target page p95 <= %.0f ms with no errors: %s", TARGET_MS, met() ? "met" : "MISSED"));
            return out.toString();
        }
    }

    Load run(List<String> locations, ViewBuildTimes times) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakResident = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            peakResident.accumulateAndGet(Cores.residentBytes(), Math::max);
        }, 0, 250, TimeUnit.MILLISECONDS);
        times.drain();
        String output;
        try {
            List<String> command = new ArrayList<>(List.of("node", script.toString(), "http://127.0.0.1:" + port, Integer.toString(sessions),
                    Integer.toString(seconds)));
            command.addAll(locations);
            output = UiBenchmark.run(script.getParent(), command);
        } finally {
            sampler.shutdownNow();
        }
        String last = output.strip().lines().reduce((first, second) -> second).orElse("{}");
        JsonNode result = JsonMapper.builder().build().readTree(last);
        List<Double> pages = new ArrayList<>();
        result.path("times").forEach(time -> pages.add(time.asDouble()));
        List<String> errors = new ArrayList<>();
        result.path("errors").forEach(error -> errors.add(error.asString()));
        List<Double> builds = times.drain().values().stream().flatMap(List::stream).sorted().toList();
        return new Load(sessions, seconds, pages.stream().sorted().toList(), builds, errors, peakHeap.get(), peakResident.get());
    }
}
