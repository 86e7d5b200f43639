package vn.ioc.datasets.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.datasets.generator.ExtractGenerator;
import vn.ioc.datasets.generator.GeneratorOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.ioc.datasets.units.AddressDatabase;
import vn.ioc.datasets.units.Province;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.warehouse.npm.NpmPackageCache;

/** {@code ioc bench generate}: generator throughput at national scale (target: 2 M rows/s on 2 cores). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate extracts (national scale by default) and print rows/s and the size on disk; target >= 2 M rows/s.")
final class GenerateBenchmark implements Runnable {
    @Option(names = "--scale", description = "(default: ${DEFAULT-VALUE})", defaultValue = "national")
    String scale;

    @Option(names = "--keep", description = "keep the generated files")
    boolean keep;

    @Option(names = "--provinces", split = ",", description = "only these province codes (default: all that fit on the disk)")
    List<String> provinces = List.of();

    @Option(names = "--out", description = "folder to generate into (default: a temporary folder)")
    Path out;

    /** Bytes of CSV per generated resident (with their doses and applications), measured at demo scale. */
    private static final double BYTES_PER_RESIDENT = 1_100;

    @Override
    public void run() {
        GenerateCommand command = new GenerateCommand();
        command.scale = scale;
        command.seed = 1;
        command.format = "csv";
        command.defectRate = GeneratorOptions.DEFAULT_DEFECT_RATE;
        try {
            Path parent = out != null ? Files.createDirectories(out) : Files.createTempDirectory("ioc-bench-generate-");
            command.out = parent.resolve("extracts");
            command.provinces = provinces.isEmpty() ? provincesThatFit(parent, command.options()) : provinces;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GeneratorOptions options = command.options();
        System.out.printf(Locale.ROOT, "generating %s extracts with %d threads on %d cores into %s%n", scale, options.threads(),
                Runtime.getRuntime().availableProcessors(), options.out());
        ExtractGenerator.Result result = GenerateCommand.run(options, null);
        GenerateCommand.print(result);
        double rate = result.rowsPerSecond();
        System.out.printf(Locale.ROOT, "throughput %,.0f rows/s, %,.1f MB/s; on disk %,.2f GB   target >= 2,000,000 rows/s: %s%n",
                rate, result.bytes() / 1e6 / result.seconds(), result.bytes() / 1e9,
                rate >= 2_000_000 ? "met" : String.format(Locale.ROOT, "MISSED by %,.0f rows/s", 2_000_000 - rate));
        if (!keep) {
            FileTrees.delete(out != null ? options.out() : options.out().getParent());
        }
    }

    /**
     * All provinces when the whole run fits in 80% of the free space; else the provinces, in code order,
     * that do. Throughput is per row, so a part of the country measures it as well as the whole.
     */
    private List<String> provincesThatFit(Path folder, GeneratorOptions options) throws IOException {
        ReferenceUnits units = ReferenceUnits.build(AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println)),
                SharedReferenceData.locate(Optional.empty()));
        double budget = Files.getFileStore(folder).getUsableSpace() * 0.8;
        double whole = units.provinces().stream().mapToLong(Province::population).sum() * options.scale().fraction() * BYTES_PER_RESIDENT;
        if (whole <= budget) {
            return List.of();
        }
        List<String> fitting = new ArrayList<>();
        double size = 0;
        for (Province province : units.provinces()) {
            double provinceSize = province.population() * options.scale().fraction() * BYTES_PER_RESIDENT;
            if (size + provinceSize <= budget) {
                fitting.add(province.code());
                size += provinceSize;
            }
        }
        System.out.printf(Locale.ROOT, "the whole country would take about %.0f GB and %.0f GB are free: generating %d of 34 provinces "
                + "(%.0f GB) instead%n", whole / 1e9, budget / 0.8 / 1e9, fitting.size(), size / 1e9);
        return fitting;
    }

}
