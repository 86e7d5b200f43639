package vn.ioc.datasets.generator;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.ioc.datasets.units.Commune;
import vn.ioc.datasets.units.CrosswalkEntry;
import vn.ioc.datasets.units.Province;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.warehouse.progress.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@code ioc generate}: realistic source extracts for every province, partitioned by province, with
 * a manifest of rows, checksums and injected defects. Provinces are generated in parallel, each from its
 * own seeded stream, so the output is the same for a seed whatever the thread count. The run writes into
 * a temporary folder and only replaces the output folder when it has finished.
 */
public final class ExtractGenerator {
    private final ReferenceUnits units;
    private final Optional<ParquetWriter> parquet;

    public ExtractGenerator(ReferenceUnits units, Optional<ParquetWriter> parquet) {
        this.units = requireNonNull(units, "units");
        this.parquet = requireNonNull(parquet, "parquet");
    }

    /** What a run produced and how fast, for the console. */
    public record Result(Manifest manifest, long rows, long bytes, double seconds) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    public Result generate(GeneratorOptions options) {
        if (options.format() == ExtractFormat.PARQUET && parquet.isEmpty()) {
            throw new IllegalArgumentException("Parquet output needs the embedded engine");
        }
        List<Province> provinces = selected(options);
        Map<String, List<Commune>> communes = units.communesByProvince();
        Map<String, List<CrosswalkEntry>> oldCodes = units.crosswalk().stream().filter(e -> e.status().mapped())
                .collect(Collectors.groupingBy(CrosswalkEntry::newCode));
        Set<String> currentCodes = units.communes().stream().map(Commune::code).collect(Collectors.toSet());
        VietnameseNames names = new VietnameseNames(options.seed());
        boolean fileDefects = options.defectRate() > 0 && options.format() == ExtractFormat.CSV;
        String bomProvince = provinces.get((int) Math.floorMod(options.seed(), provinces.size())).code();
        String legacyProvince = provinces.get((int) Math.floorMod(options.seed() * 31 + 7, provinces.size())).code();

        Path out = options.out().toAbsolutePath().normalize();
        Path work = out.resolveSibling("." + out.getFileName() + ".partial-" + ProcessHandle.current().pid());
        long start = System.nanoTime();
        AtomicLong residents = new AtomicLong();
        long expectedResidents = provinces.stream().flatMap(p -> communes.get(p.code()).stream())
                .mapToLong(c -> SampledCommune.sampleSize(c, options.scale())).sum();
        ExecutorService workers = Executors.newFixedThreadPool(options.threads());
        try (Progress generating = Progress.watch("generate", "residents", expectedResidents, residents::get)) {
            FileTrees.delete(work);
            Files.createDirectories(work);
            List<Future<List<ExtractFile>>> futures = new ArrayList<>();
            List<ProvinceGenerator> generators = new ArrayList<>();
            for (Province province : provinces) {
                Set<Defect> perFile = EnumSet.noneOf(Defect.class);
                if (fileDefects && province.code().equals(bomProvince)) {
                    perFile.add(Defect.UTF8_BOM);
                }
                ProvinceGenerator generator = new ProvinceGenerator(province, communes.get(province.code()), oldCodes, currentCodes,
                        options, names, perFile, residents);
                generators.add(generator);
                futures.add(workers.submit(() -> generator.generate(work)));
            }
            List<ExtractFile> files = new ArrayList<>();
            for (Future<List<ExtractFile>> future : futures) {
                files.addAll(future.get());
            }
            writeDesign(work, generators);
            Manifest manifest = manifest(options, provinces, finish(files, work, options, fileDefects ? legacyProvince : null));
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValue(work.resolve("manifest.json").toFile(), manifest);
            replace(out, work);
            long rows = manifest.sources().values().stream().mapToLong(Manifest.SourceSummary::rows).sum();
            long bytes = manifest.sources().values().stream().flatMap(s -> s.files().stream()).mapToLong(Manifest.FileEntry::bytes).sum();
            return new Result(manifest, rows, bytes, (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            FileTrees.delete(work);
            throw new UncheckedIOException("generation into " + out + " failed: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            FileTrees.delete(work);
            throw new IllegalStateException("generation into " + out + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            FileTrees.delete(work);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** The sample's design: each commune's population and residents generated, from which the warehouse weighs them. */
    private static void writeDesign(Path work, List<ProvinceGenerator> generators) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(SampledCommune.HEADER);
        generators.forEach(generator -> generator.design().forEach(commune -> lines.add(commune.csvLine())));
        Files.write(work.resolve(SampledCommune.FILE), lines, StandardCharsets.UTF_8);
    }

    private List<Province> selected(GeneratorOptions options) {
        Set<String> known = units.provinces().stream().map(Province::code).collect(Collectors.toSet());
        for (String code : options.provinces()) {
            if (!known.contains(code)) {
                throw new IllegalArgumentException("unknown province code '" + code + "': the 34 codes run from 01 to 96 (GSO codes)");
            }
        }
        return units.provinces().stream().filter(p -> options.provinces().isEmpty() || options.provinces().contains(p.code())).toList();
    }

    /** Applies the file-level changes (legacy encoding, Parquet) and describes each file as it finally is. */
    private List<Manifest.FileEntry> finish(List<ExtractFile> files, Path work, GeneratorOptions options, String legacyProvince)
            throws IOException {
        List<Manifest.FileEntry> entries = new ArrayList<>();
        for (ExtractFile file : files) {
            Map<Defect, Long> defects = new TreeMap<>(file.defects());
            Path path = file.path();
            String sha256 = file.sha256();
            String encoding = "UTF-8";
            if (file.source() == Source.SCHOOL_CENSUS && file.provinceCode().equals(legacyProvince)) {
                Files.write(path, LegacyEncoding.encode(Files.readString(path, StandardCharsets.UTF_8)));
                defects.merge(Defect.LEGACY_ENCODING, 1L, Long::sum);
                sha256 = FileTrees.sha256(path);
                encoding = "windows-1258";
            }
            if (options.format() == ExtractFormat.PARQUET) {
                Path converted = Path.of(path.toString().replaceAll("\\.csv$", ".parquet"));
                parquet.orElseThrow().convert(path, converted, file.source());
                Files.delete(path);
                path = converted;
                sha256 = FileTrees.sha256(path);
                encoding = "";
            }
            entries.add(new Manifest.FileEntry(work.relativize(path).toString().replace('\\', '/'), file.provinceCode(), file.rows(),
                    Files.size(path), sha256, encoding, keys(defects)));
        }
        return entries;
    }

    private Manifest manifest(GeneratorOptions options, List<Province> provinces, List<Manifest.FileEntry> files) {
        Map<String, Manifest.SourceSummary> sources = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            List<Manifest.FileEntry> ofSource = files.stream().filter(f -> f.path().startsWith(source.fileName() + "/"))
                    .sorted(Comparator.comparing(Manifest.FileEntry::path)).toList();
            Map<String, Long> defects = new TreeMap<>();
            ofSource.forEach(f -> f.defects().forEach((k, v) -> defects.merge(k, v, Long::sum)));
            sources.put(source.fileName(), new Manifest.SourceSummary(ofSource.stream().mapToLong(Manifest.FileEntry::rows).sum(), defects, ofSource));
        }
        return new Manifest(Manifest.GENERATOR, options.seed(), options.scale().name().toLowerCase(Locale.ROOT),
                options.format().extension(), options.asOf().toString(), options.defectRate(), units.calibrated(),
                provinces.stream().map(Province::code).toList(), sources);
    }

    private static Map<String, Long> keys(Map<Defect, Long> defects) {
        Map<String, Long> keyed = new TreeMap<>();
        defects.forEach((defect, count) -> keyed.put(defect.key(), count));
        return keyed;
    }

    /** Swaps the finished run in for the previous output, which is only removed once the new one is in place. */
    private static void replace(Path out, Path work) throws IOException {
        Path previous = out.resolveSibling("." + out.getFileName() + ".previous-" + ProcessHandle.current().pid());
        if (Files.exists(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent() && !Files.exists(out.resolve("manifest.json"))) {
                    throw new IOException(out + " holds files that are not a generator's output (no manifest.json): choose another --out");
                }
            }
            Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(work, out, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.delete(previous);
    }

}
