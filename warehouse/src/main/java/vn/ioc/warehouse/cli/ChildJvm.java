package vn.ioc.warehouse.cli;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs an {@code ioc} command (or another main class) in a JVM of its own, started as this one was: for a benchmark
 * with a part that needs a process of its own (the embedded engine serves one storage folder per process, a client must
 * not share the server's core) or a module it cannot compile against.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** Runs {@code ioc arguments...} with {@code environment} added, shows what it prints as it comes, and returns it. */
    public static String run(List<String> arguments, Map<String, String> environment) throws Exception {
        return run(Ioc.class, arguments, environment, OptionalInt.empty());
    }

    /**
     * Runs {@code main} with {@code arguments} and {@code environment} added, on {@code core} alone when given
     * ({@code taskset}), shows what it prints as it comes, and returns it.
     */
    public static String run(Class<?> main, List<String> arguments, Map<String, String> environment, OptionalInt core) throws Exception {
        List<String> command = new ArrayList<>();
        core.ifPresent(cpu -> command.addAll(List.of("taskset", "-c", Integer.toString(cpu))));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        StringBuilder printed = new StringBuilder();
        try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println(line);
                printed.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("`" + (main == Ioc.class ? "ioc" : main.getName()) + " " + String.join(" ", arguments) + "` failed (exit code "
                    + process.exitValue() + ")");
        }
        return printed.toString();
    }
}
