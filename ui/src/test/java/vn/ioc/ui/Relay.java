package vn.ioc.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a loopback port in front of the warehouse, cut and restored to play a network outage. While cut it
 * keeps its port (another process could otherwise take it and answer in the warehouse's place) and drops every
 * connection as soon as it is made.
 */
public final class Relay implements AutoCloseable {
    private final int target;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    public Relay(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::relay);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void relay() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                if (cut) {
                    dropOpen();
                }
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                // The far side is down (a server restarting): this client is dropped, the next may get through.
                closeQuietly(client);
            }
        }
    }

    public void restore() {
        cut = false;
    }

    /** Drops open connections, and every new one until {@link #restore}. */
    public void cut() {
        cut = true;
        dropOpen();
    }

    private void dropOpen() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
            sockets.remove(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Dropping a connection: nothing more to do.
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // The other side closed, or the relay was cut.
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
