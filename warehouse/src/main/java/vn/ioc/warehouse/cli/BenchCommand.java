package vn.ioc.warehouse.cli;

import picocli.CommandLine.Command;

/** {@code ioc bench ...}: benchmarks that print their figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print their figures.",
        subcommands = {vn.ioc.warehouse.bench.WarehouseBenchmark.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
