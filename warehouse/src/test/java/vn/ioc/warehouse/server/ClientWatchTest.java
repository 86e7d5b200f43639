package vn.ioc.warehouse.server;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The kernel's tables of TCP connections read as the server reads them (lines as a little-endian Linux prints them). */
class ClientWatchTest {

    @Test
    void connectionsAreReadByServerPortAndClientEndWithTheirState() throws Exception {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the lines below are as a little-endian machine prints them");
        Map<ClientWatch.Connection, String> connections = ClientWatch.connections(List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0",
                "   1: 0100007F:1F90 0100007F:D2A4 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 20 4 30 10 -1",
                "   2: 0100007F:1F90 0100007F:D2A6 08 00000000:00000000 00:00000000 00000000     0        0 3 1 0000000000000000 20 4 30 10 -1",
                "   3: 0A00020F:1F90 6400A8C0:C350 01 00000000:00000000 00:00000000 00000000     0        0 4 1 0000000000000000 20 4 30 10 -1",
                "   4: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:9C40 01 00000000:00000000 00:00000000 00000000 0 0 5",
                "   5: 00000000000000000000000001000000:1F90 B80D0120000000000000000001000000:9C41 01 00000000:00000000 00:00000000 00000000 0 0 6"));
        assertEquals(Map.of(
                new ClientWatch.Connection(8080, InetAddress.getByName("0.0.0.0"), 0), "0A",
                new ClientWatch.Connection(8080, InetAddress.getByName("127.0.0.1"), 0xD2A4), "01",
                new ClientWatch.Connection(8080, InetAddress.getByName("127.0.0.1"), 0xD2A6), "08",
                new ClientWatch.Connection(8080, InetAddress.getByName("192.168.0.100"), 50000), "01",
                new ClientWatch.Connection(8080, InetAddress.getByName("127.0.0.1"), 40000), "01",
                new ClientWatch.Connection(8080, InetAddress.getByName("2001:db8::1"), 40001), "01"), connections);
    }
}
