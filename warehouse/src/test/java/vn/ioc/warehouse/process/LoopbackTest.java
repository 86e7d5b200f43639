package vn.ioc.warehouse.process;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A local cluster's server restarted on its fixed port: the kernel can have given that port to another program's
 * connection as its own end (seen in CI: Druid's historical died twice with "Address already in use" after the outage
 * test's restart). Nothing answers on the port then, yet no server can listen on it.
 */
class LoopbackTest {

    @Test
    void aPortHeldByAConnectionsOwnEndIsNotFreeAndTheStartWaitsUntilItIs() throws Exception {
        try (ServerSocket elsewhere = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Socket connection = new Socket();
            connection.bind(new InetSocketAddress("127.0.0.1", 0));
            connection.connect(elsewhere.getLocalSocketAddress());
            Socket accepted = elsewhere.accept();
            int port = connection.getLocalPort();

            assertFalse(Loopback.answers(port), "nothing listens on the connection's own end");
            assertFalse(Loopback.free(port), "yet no server can listen there");
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Loopback.awaitFree(port, Duration.ofSeconds(1), "the test's server"));
            assertTrue(refused.getMessage().contains("cannot start the test's server: port " + port + " on 127.0.0.1 is still held after 1 s"),
                    refused.getMessage());

            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> Loopback.awaitFree(port, Duration.ofSeconds(30), "the test's server"));
            Thread.sleep(1_000);
            assertFalse(waiting.isDone(), "the start waits while the port is held");
            connection.setSoLinger(true, 0); // closed by a reset: no TIME_WAIT keeps the port
            connection.close();
            accepted.close();
            waiting.get(10, TimeUnit.SECONDS);
            assertTrue(Loopback.free(port));
        }
    }
}
