package vn.ioc.warehouse.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

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

    /**
     * Waits until a server could listen on the port on 127.0.0.1 again. A server just stopped can leave the port held
     * for a while by what is not a listener: a connection of another program that the kernel gave this port as its own
     * end, or such a connection closing (up to a minute); a server started then dies at once ("Address already in use").
     */
    public static void awaitFree(int port, Duration timeout, String server) {
        Instant deadline = Instant.now().plus(timeout);
        while (!free(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("cannot start " + server + ": port " + port + " on 127.0.0.1 is still held after "
                        + timeout.toSeconds() + " s (`ss -tanp 'sport = :" + port + "'` tells by what)");
            }
            pause(500);
        }
    }

    /** Whether a server could listen on the port on 127.0.0.1 now (address reuse on, as servers have it). */
    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
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
