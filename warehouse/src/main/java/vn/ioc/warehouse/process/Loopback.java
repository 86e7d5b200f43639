package vn.ioc.warehouse.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** What the local clusters (Druid, Spark) share while they start and stop their processes on this machine. */
public final class Loopback {
    private Loopback() {
    }

    /** Whether something listens on the port on 127.0.0.1 (asked for at most half a second). */
    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits, ending the wait as a failure when interrupted (the interrupt kept). */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
