package vn.ioc.warehouse.server;

import java.io.IOException;
import java.lang.System.Logger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Tells when a client has gone while its query runs. The JDK's HTTP server says nothing of a closed connection until
 * the answer is written to it, and a query answered whole (or one that computes long before its first rows) writes
 * nothing until it ends. So the server looks at the kernel's table of TCP connections ({@code /proc/net/tcp} and
 * {@code tcp6}, Linux) a few times a second once a query has run for {@link #GRACE} (a look costs the kernel about
 * 2 ms however few the connections, and most queries end well before): a client closed its connection when the
 * server's end of it waits in {@code CLOSE_WAIT}, as ClickHouse finds it by polling its socket for the end of the
 * stream; and reset it when the connection is gone from the table, in {@link #ABSENT_LOOKS} looks in a row (the kernel
 * writes the table out a page at a time, so a look taken while connections come and go can miss one). Where the table
 * cannot be read, a client gone is noticed only when its answer is written, and the server says so once at start.
 */
final class ClientWatch implements AutoCloseable {
    private static final Logger LOG = System.getLogger(ClientWatch.class.getName());
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Duration GRACE = Duration.ofSeconds(1);
    /** The kernel's state of a connection its peer has closed ({@code TCP_CLOSE_WAIT}), as the table prints it. */
    private static final String CLOSE_WAIT = "08";
    private static final int ABSENT_LOOKS = 3;

    private final List<Path> tables;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    private ClientWatch(List<Path> tables) {
        this.tables = tables;
        if (tables.isEmpty()) {
            LOG.log(Logger.Level.WARNING, "no kernel table of TCP connections here (" + TABLES.getFirst() + "): a query whose client has gone is "
                    + "cancelled only when its answer is written, or by its time limit");
            timer = null;
        } else {
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ioc-client-watch").factory());
            timer.scheduleWithFixedDelay(this::look, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    static ClientWatch start() {
        return new ClientWatch(TABLES.stream().filter(Files::isReadable).toList());
    }

    /**
     * Watches a client's connection until the handle is closed; {@code gone} runs once, on the watch's own thread, if the
     * client goes before that.
     */
    Watched watch(InetSocketAddress server, InetSocketAddress client, Runnable gone) {
        Watched watch = new Watched(new Connection(server.getPort(), client.getAddress(), client.getPort()), requireNonNull(gone, "gone"));
        if (timer != null) {
            watched.add(watch);
        }
        return watch;
    }

    private void look() {
        long now = System.nanoTime();
        List<Watched> due = watched.stream().filter(watch -> now - watch.since >= GRACE.toNanos()).toList();
        if (due.isEmpty()) {
            return;
        }
        try {
            Map<Connection, String> connections = new HashMap<>();
            for (Path table : tables) {
                connections.putAll(connections(Files.readAllLines(table)));
            }
            for (Watched watch : due) {
                String state = connections.get(watch.connection);
                watch.absent = state == null ? watch.absent + 1 : 0;
                if ((CLOSE_WAIT.equals(state) || watch.absent >= ABSENT_LOOKS) && watched.remove(watch)) {
                    watch.gone.run();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Logger.Level.WARNING, "cannot tell whether clients have gone: " + e.getMessage(), e);
        }
    }

    /** The connections of a kernel table's lines (its heading first), by local port and remote end, with their state. */
    static Map<Connection, String> connections(List<String> table) {
        Map<Connection, String> connections = new HashMap<>();
        for (String line : table.subList(Math.min(1, table.size()), table.size())) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length > 3) {
                String[] local = fields[1].split(":");
                String[] remote = fields[2].split(":");
                connections.put(new Connection(Integer.parseInt(local[1], 16), address(remote[0]), Integer.parseInt(remote[1], 16)), fields[3]);
            }
        }
        return connections;
    }

    /** An address as the kernel prints it: each 32-bit word in hex, in the machine's byte order. */
    private static InetAddress address(String hex) {
        byte[] words = HexFormat.of().parseHex(hex);
        ByteBuffer address = ByteBuffer.allocate(words.length);
        ByteBuffer printed = ByteBuffer.wrap(words);
        while (printed.hasRemaining()) {
            address.order(ByteOrder.nativeOrder()).putInt(printed.order(ByteOrder.BIG_ENDIAN).getInt());
        }
        try {
            // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d, which this gives as the IPv4 address.
            return InetAddress.getByAddress(address.array());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + hex, e);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        watched.clear();
    }

    /** A TCP connection as the server sees it: its own port, and the client's address and port. */
    record Connection(int serverPort, InetAddress client, int clientPort) {
    }

    /** A client watched until closed. */
    final class Watched implements AutoCloseable {
        private final Connection connection;
        private final Runnable gone;
        private final long since = System.nanoTime();
        /** Looks in a row that did not find the connection; only the watch's thread reads and writes it. */
        private int absent;

        private Watched(Connection connection, Runnable gone) {
            this.connection = connection;
            this.gone = gone;
        }

        @Override
        public void close() {
            watched.remove(this);
        }
    }
}
