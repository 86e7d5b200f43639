package vn.ioc.warehouse.bench;

import picocli.CommandLine.Command;

@Command(name = "warehouse", mixinStandardHelpOptions = true, description = "JDBC vs direct engine calls; insert throughput.")
public final class WarehouseBenchmark implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet");
    }
}
