package vn.ioc.datasets.cli;

import vn.ioc.datasets.generator.ExtractFormat;
import vn.ioc.datasets.generator.ExtractGenerator;
import vn.ioc.datasets.generator.GeneratorOptions;
import vn.ioc.datasets.generator.ParquetWriter;
import vn.ioc.datasets.generator.Scale;
import vn.ioc.datasets.units.AddressDatabase;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.datasets.units.ReferenceUnitsLoader;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.engine.EngineLibrary;
import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.ServerOptions;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a benchmark over generated extracts starts from: a warehouse of its own in {@code work} with the schema and the
 * reference units, and Parquet extracts of the chosen scale and provinces beside it.
 *
 * @param server   the benchmark's warehouse (the caller closes it)
 * @param writer   its writing connection, database {@code bench}
 * @param extracts the generated extracts
 * @param summary  one line saying what was generated, for the printout
 * @param units    the reference units they were generated from
 * @param options  how they were generated
 */
public record BenchExtracts(WarehouseServer server, WarehouseConnection writer, Path extracts, LocalDate asOf, String summary,
                            ReferenceUnits units, GeneratorOptions options) {
    public static BenchExtracts generate(Path work, String scale, List<String> provinces) {
        WarehouseServer server = WarehouseServer.start(ServerOptions.defaults(work.resolve("warehouse")).withPort(0),
                EngineLibrary.fromEnvironment(System.err::println).resolve(), System.err::println);
        try {
            WarehouseConnection warehouse = server.connection(WarehouseUsers.WRITER, "bench");
            new MigrationRunner(warehouse).migrate();
            ReferenceUnits units = ReferenceUnits.build(AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println)),
                    SharedReferenceData.locate(Optional.empty()));
            new ReferenceUnitsLoader(warehouse).load(units);
            Path extracts = work.resolve("extracts");
            GeneratorOptions options = new GeneratorOptions(Scale.valueOf(scale.toUpperCase(Locale.ROOT)), 1, extracts, ExtractFormat.PARQUET,
                    GeneratorOptions.DEFAULT_DEFECT_RATE, Set.copyOf(provinces), GeneratorOptions.DEFAULT_AS_OF, Runtime.getRuntime().availableProcessors());
            String summary = generate(server, units, options);
            return new BenchExtracts(server, warehouse, extracts, options.asOf(), summary, units, options);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The same scale and provinces as CSV in {@code out} (CSV's own defects included: malformed lines, a BOM, a legacy encoding). */
    public BenchExtracts csv(Path out) {
        GeneratorOptions csv = new GeneratorOptions(options.scale(), options.seed(), out, ExtractFormat.CSV, options.defectRate(), options.provinces(),
                options.asOf(), options.threads());
        return new BenchExtracts(server, writer, out, asOf, generate(server, units, csv), units, csv);
    }

    private static String generate(WarehouseServer server, ReferenceUnits units, GeneratorOptions options) {
        ExtractGenerator.Result generated = new ExtractGenerator(units, Optional.of(new ParquetWriter(server.engine()))).generate(options);
        return String.format(Locale.ROOT, "extracts: %s scale%s, %,d rows, %,.1f MB of %s, generated in %.1f s",
                options.scale().name().toLowerCase(Locale.ROOT), options.provinces().isEmpty() ? "" : " (provinces " + options.provinces() + ")",
                generated.rows(), generated.bytes() / 1e6, options.format() == ExtractFormat.PARQUET ? "typed Parquet" : "CSV", generated.seconds());
    }
}
