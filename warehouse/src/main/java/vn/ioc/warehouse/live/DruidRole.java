package vn.ioc.warehouse.live;

/** The processes of the local single-machine Druid, in the order they start, with their loopback port and heap. */
enum DruidRole {
    ZOOKEEPER("zookeeper", 2181, 128),
    /** Also the overlord, and the host of the Derby metadata store (port 1527). */
    COORDINATOR("coordinator", 8081, 512),
    BROKER("broker", 8082, 512),
    HISTORICAL("historical", 8083, 512),
    INDEXER("indexer", 8091, 512);

    static final int DERBY_PORT = 1527;

    private final String id;
    private final int port;
    private final int heapMb;

    DruidRole(String id, int port, int heapMb) {
        this.id = id;
        this.port = port;
        this.heapMb = heapMb;
    }

    String id() {
        return id;
    }

    int port() {
        return port;
    }

    int heapMb() {
        return heapMb;
    }

    /** Druid's service name, as the processes find each other in ZooKeeper. */
    String service() {
        return "druid/" + id;
    }
}
