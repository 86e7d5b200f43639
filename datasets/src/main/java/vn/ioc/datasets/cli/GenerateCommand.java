package vn.ioc.datasets.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.datasets.generator.ExtractFormat;
import vn.ioc.datasets.generator.ExtractGenerator;
import vn.ioc.datasets.generator.GeneratorOptions;
import vn.ioc.datasets.generator.Manifest;
import vn.ioc.datasets.generator.ParquetWriter;
import vn.ioc.datasets.generator.Scale;
import vn.ioc.datasets.units.AddressDatabase;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineLibrary;
import vn.ioc.warehouse.engine.EngineOptions;
import vn.ioc.warehouse.npm.NpmPackageCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code ioc generate}: realistic source extracts at any scale. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write realistic source extracts (population registry, vaccination register, school census, "
                + "public-service applications, vaccine supply) partitioned by province, with a manifest.")
public final class GenerateCommand implements Runnable {
    @Option(names = "--scale", description = "tiny, demo (1%% of the country) or national (default: ${DEFAULT-VALUE})", defaultValue = "demo")
    String scale;

    @Option(names = "--seed", description = "the same seed gives the same files (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--out", description = "output folder (default: ${DEFAULT-VALUE})", defaultValue = "var/extracts")
    Path out;

    @Option(names = "--format", description = "csv or parquet (default: ${DEFAULT-VALUE})", defaultValue = "csv")
    String format;

    @Option(names = "--defect-rate", description = "chance a row carries a defect, 0 for clean extracts (default: ${DEFAULT-VALUE})",
            defaultValue = "0.001")
    double defectRate;

    @Option(names = "--provinces", split = ",", description = "only these province codes, e.g. 01,79")
    List<String> provinces = List.of();

    @Option(names = "--threads", description = "provinces generated at once (default: the number of cores)")
    Integer threads;

    @Option(names = "--reference-data", description = "folder of the shared reference data (default: IOC_REFERENCE_DATA or ../shared/datasets)")
    Path referenceData;

    @Override
    public void run() {
        GeneratorOptions options = options();
        ExtractGenerator.Result result = run(options, referenceData);
        print(result);
    }

    GeneratorOptions options() {
        return new GeneratorOptions(parse(Scale.class, scale, "--scale"), seed, out, parse(ExtractFormat.class, format, "--format"),
                defectRate, Set.copyOf(provinces), GeneratorOptions.DEFAULT_AS_OF,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    }

    /** Generates extracts with the reference units at hand (the npm package, plus the shared data where present). */
    public static ExtractGenerator.Result run(GeneratorOptions options, Path referenceData) {
        ReferenceUnits units = ReferenceUnits.build(AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println)),
                SharedReferenceData.locate(Optional.ofNullable(referenceData)));
        if (!units.calibrated()) {
            System.err.println("generate: no reference data folder found (IOC_REFERENCE_DATA): commune populations are estimates");
        }
        if (options.format() != ExtractFormat.PARQUET) {
            return new ExtractGenerator(units, Optional.empty()).generate(options);
        }
        Path storage;
        try {
            storage = Files.createTempDirectory("ioc-generate-engine-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Engine engine = Engine.start(new EngineOptions(EngineLibrary.fromEnvironment(System.err::println).resolve(), storage,
                1, options.threads(), Duration.ofHours(1)))) {
            return new ExtractGenerator(units, Optional.of(new ParquetWriter(engine))).generate(options);
        }
    }

    static void print(ExtractGenerator.Result result) {
        Manifest manifest = result.manifest();
        System.out.printf(Locale.ROOT, "%-30s %15s  %s%n", "source", "rows", "defects injected");
        manifest.sources().forEach((name, source) -> System.out.printf(Locale.ROOT, "%-30s %,15d  %s%n", name, source.rows(),
                source.defects().isEmpty() ? "none" : source.defects()));
        System.out.printf(Locale.ROOT, "%,d rows, %,.1f MB in %.1f s: %,.0f rows/s (scale %s, seed %d, %s)%n", result.rows(),
                result.bytes() / 1e6, result.seconds(), result.rowsPerSecond(), manifest.scale(), manifest.seed(), manifest.format());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)
                    + ", not '" + value + "'");
        }
    }

}
