package vn.ioc.warehouse.cli;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an {@code ioc} command in a JVM of its own, started as this one was: for a benchmark with a part that needs a
 * process of its own (the embedded engine serves one storage folder per process) or a module it cannot compile against.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** Runs {@code ioc arguments...} with {@code environment} added, shows what it prints as it comes, and returns it. */
    public static String run(List<String> arguments, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Ioc.class.getName()));
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
            throw new IllegalStateException("`ioc " + String.join(" ", arguments) + "` failed (exit code " + process.exitValue() + ")");
        }
        return printed.toString();
    }
}
