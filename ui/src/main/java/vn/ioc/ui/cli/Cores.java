package vn.ioc.ui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** This process's place on the machine during a load benchmark: the core it runs on, and its resident memory. */
final class Cores {
    private Cores() {
    }

    /**
     * Pins every thread of this process (the dashboard and the embedded warehouse; threads started later inherit it) to
     * core 0 with {@code taskset}, and returns the core the load generator is to use: the last one. Empty on a single
     * core or where {@code taskset} is missing.
     */
    static OptionalInt pinServer() throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2) {
            return OptionalInt.empty();
        }
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", "0", Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return taskset.waitFor(30, TimeUnit.SECONDS) && taskset.exitValue() == 0 ? OptionalInt.of(cores - 1) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** The process's resident memory, from Linux's /proc (0 where there is none). */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
