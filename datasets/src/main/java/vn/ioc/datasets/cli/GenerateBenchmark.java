package vn.ioc.datasets.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.datasets.generator.ExtractGenerator;
import vn.ioc.datasets.generator.GeneratorOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

/** {@code ioc bench generate}: generator throughput at national scale (target: 2 M rows/s on 2 cores). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate extracts (national scale by default) and print rows/s and the size on disk; target >= 2 M rows/s.")
final class GenerateBenchmark implements Runnable {
    @Option(names = "--scale", description = "(default: ${DEFAULT-VALUE})", defaultValue = "national")
    String scale;

    @Option(names = "--keep", description = "keep the generated files")
    boolean keep;

    @Override
    public void run() {
        GenerateCommand command = new GenerateCommand();
        command.scale = scale;
        command.seed = 1;
        command.format = "csv";
        command.defectRate = GeneratorOptions.DEFAULT_DEFECT_RATE;
        try {
            command.out = Files.createTempDirectory("ioc-bench-generate-").resolve("extracts");
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
            delete(options.out().getParent());
        }
    }

    private static void delete(Path folder) {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
