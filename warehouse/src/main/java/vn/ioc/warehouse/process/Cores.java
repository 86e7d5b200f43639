package vn.ioc.warehouse.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where a benchmark's processes run on the machine: the servers on core 0, the client or load generator on the last core
 * (a client must not share the server's core); and a process's resident memory.
 */
public final class Cores {
    private Cores() {
    }

    /**
     * Pins every thread of this process (the dashboard and the embedded warehouse; threads started later inherit it) and
     * of the {@code servers} given (another database's processes, and what they have started) to core 0 with
     * {@code taskset}, and returns the core the client or load generator is to use: the last one. Empty on a single core
     * or where {@code taskset} is missing.
     */
    public static OptionalInt pinServers(List<ProcessHandle> servers) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores > 1 && taskset("0", servers) ? OptionalInt.of(cores - 1) : OptionalInt.empty();
    }

    /** Puts this process and the {@code servers} back on every core the machine has online. */
    public static void unpinServers(List<ProcessHandle> servers) throws InterruptedException {
        try {
            taskset(Files.readString(Path.of("/sys/devices/system/cpu/online")).strip(), servers);
        } catch (IOException e) {
            // no such file: nothing was pinned either
        }
    }

    private static boolean taskset(String cpus, List<ProcessHandle> servers) throws InterruptedException {
        List<ProcessHandle> processes = Stream.concat(Stream.of(ProcessHandle.current()),
                servers.stream().flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))).toList();
        try {
            for (ProcessHandle process : processes) {
                Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(process.pid()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!taskset.waitFor(30, TimeUnit.SECONDS) || taskset.exitValue() != 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The process's resident memory, from Linux's /proc (0 where there is none). */
    public static long residentBytes() {
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
