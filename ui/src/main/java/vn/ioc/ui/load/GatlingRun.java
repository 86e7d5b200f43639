package vn.ioc.ui.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DashboardLoad} in a JVM of its own (Gatling's runner, this JVM's class path), on one core when given
 * one ({@code taskset}), so that the load generator does not share the server's core; its console goes to
 * {@code gatling.log} in the work folder.
 */
public final class GatlingRun {
    private GatlingRun() {
    }

    /**
     * What the sessions saw: the sessions (and wall screens) signed in; the time (ms) as the client had it of each view
     * once all sessions had arrived ({@code views}), of each session's first page from asking for it ({@code landings}),
     * and of the other views while sessions still arrived ({@code arriving}), each sorted; the errors; and the updates
     * pushed to each wall screen.
     */
    public record Result(int signedIn, Duration rampUp, List<Double> views, List<Double> landings, List<Double> arriving, List<String> errors,
                         List<Integer> wallPushes, Path log) {
        /** Every view shown: the landings, those while sessions arrived and those after. */
        public int shown() {
            return views.size() + landings.size() + arriving.size();
        }
    }

    public static Result run(LoadPlan plan, Path work, OptionalInt cpu) throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> command = new ArrayList<>();
        cpu.ifPresent(core -> command.addAll(List.of("taskset", "-c", Integer.toString(core))));
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // Gatling reaches into java.lang; it sends nothing home.
        command.addAll(List.of("-Xms512m", "-Xmx2g", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dgatling.data.enableAnalytics=false",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(plan.asJvmOptions());
        command.addAll(List.of("io.gatling.app.Gatling", "--simulation", DashboardLoad.class.getName(), "--results-folder",
                work.resolve("gatling").toString(), "--no-reports"));
        Path log = work.resolve("gatling.log");
        Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!gatling.waitFor(plan.seconds() + 300L, TimeUnit.SECONDS)) {
            gatling.destroyForcibly();
            throw new IllegalStateException("the load did not end in time: see " + log);
        }
        if (!Files.isRegularFile(plan.results())) {
            throw new IllegalStateException("the load ended (exit " + gatling.exitValue() + ") without its figures: see " + log);
        }
        int signedIn = 0;
        List<Double> views = new ArrayList<>();
        List<Double> landings = new ArrayList<>();
        List<Double> arriving = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Integer> wallPushes = new ArrayList<>();
        for (String line : Files.readAllLines(plan.results())) {
            String value = line.substring(line.indexOf(' ') + 1);
            if (line.startsWith("sessions ")) {
                signedIn = Integer.parseInt(value);
            } else if (line.startsWith("view ")) {
                views.add(Double.parseDouble(value));
            } else if (line.startsWith("landing ")) {
                landings.add(Double.parseDouble(value));
            } else if (line.startsWith("arriving ")) {
                arriving.add(Double.parseDouble(value));
            } else if (line.startsWith("error ")) {
                errors.add(value);
            } else if (line.startsWith("wall ")) {
                wallPushes.add(Integer.parseInt(value));
            } else {
                throw new UncheckedIOException(new IOException(plan.results() + ": unexpected line " + line));
            }
        }
        return new Result(signedIn, plan.rampUp(), views.stream().sorted().toList(), landings.stream().sorted().toList(), arriving.stream().sorted().toList(), errors,
                wallPushes, log);
    }
}
