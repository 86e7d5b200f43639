package vn.ioc.warehouse.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Points the process's standard input at {@code /dev/null} before the engine starts. clickhouse-local, inside chDB,
 * takes the data of an {@code INSERT ... VALUES} from the query and then from standard input when that is not a
 * terminal: with the JVM's stdin a pipe (a test runner's command channel, a shell pipeline, a service manager's socket)
 * whatever waits there would be read into a table — seen: a surefire command parsed as a row. No part of IOC reads
 * standard input.
 */
final class StandardInput {
    private static final int O_RDONLY = 0;
    private static boolean detached;

    private StandardInput() {
    }

    static synchronized void detach() {
        if (detached) {
            return;
        }
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MethodHandle open = linker.downcallHandle(libc.find("open").orElseThrow(), FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        MethodHandle dup2 = linker.downcallHandle(libc.find("dup2").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        MethodHandle close = linker.downcallHandle(libc.find("close").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int devNull = (int) open.invokeExact(arena.allocateFrom("/dev/null"), O_RDONLY);
            if (devNull < 0) {
                throw new EngineUnavailableException("cannot open /dev/null to detach standard input from the engine");
            }
            int replaced = (int) dup2.invokeExact(devNull, 0);
            int closed = (int) close.invokeExact(devNull);
            if (replaced < 0 || closed < 0) {
                throw new EngineUnavailableException("cannot detach standard input from the engine (dup2 or close failed)");
            }
        } catch (EngineUnavailableException e) {
            throw e;
        } catch (Throwable e) {
            throw new EngineUnavailableException("cannot detach standard input from the engine: " + e, e);
        }
        detached = true;
    }
}
