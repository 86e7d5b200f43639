package vn.ioc.datasets.generator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.datasets.units.AddressDatabase;
import vn.ioc.datasets.units.Commune;
import vn.ioc.datasets.units.CrosswalkEntry;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.InsertStream;
import vn.ioc.warehouse.engine.Statement;
import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.server.TestWarehouse;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator on tiny data: deterministic, and its manifest tells exactly what is in its files. */
class ExtractGeneratorTest {
    private static ReferenceUnits units;

    @BeforeAll
    static void units() {
        units = ReferenceUnits.build(AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println)),
                SharedReferenceData.locate(Optional.empty()));
    }

    private static GeneratorOptions tiny(Path out, long seed, int threads, double defectRate) {
        return new GeneratorOptions(Scale.TINY, seed, out, ExtractFormat.CSV, defectRate, Set.of(), GeneratorOptions.DEFAULT_AS_OF, threads);
    }

    private static ExtractGenerator generator() {
        return new ExtractGenerator(units, Optional.empty());
    }

    @Test
    void theSameSeedGivesTheSameFilesWhateverTheThreads(@TempDir Path folder) throws IOException {
        Manifest one = generator().generate(tiny(folder.resolve("one"), 42, 1, 0.002)).manifest();
        Manifest two = generator().generate(tiny(folder.resolve("two"), 42, 2, 0.002)).manifest();
        assertEquals(one, two);
        assertEquals(Files.readString(folder.resolve("one/manifest.json")), Files.readString(folder.resolve("two/manifest.json")));
        Manifest other = generator().generate(tiny(folder.resolve("three"), 43, 2, 0.002)).manifest();
        assertTrue(!one.sources().equals(other.sources()), "another seed gives other files");
        assertEquals(34, one.provinces().size());
    }

    @Test
    void theManifestCountsExactlyTheDefectsInTheFiles(@TempDir Path folder) throws IOException {
        Path out = folder.resolve("extracts");
        Manifest manifest = generator().generate(tiny(out, 7, 2, 0.003)).manifest();
        Map<String, Map<String, Long>> found = new TreeMap<>();
        Map<String, Long> rows = new TreeMap<>();
        for (Manifest.SourceSummary summary : manifest.sources().values()) {
            for (Manifest.FileEntry file : summary.files()) {
                byte[] bytes = Files.readAllBytes(out.resolve(file.path()));
                assertEquals(file.bytes(), bytes.length, file.path());
                String source = file.path().substring(0, file.path().indexOf('/'));
                Map<String, Long> defects = found.computeIfAbsent(source, s -> new TreeMap<>());
                rows.merge(source, (long) countDefects(source, bytes, defects), Long::sum);
            }
        }
        manifest.sources().forEach((source, summary) -> {
            assertEquals(summary.rows(), rows.get(source), source + " rows");
            assertEquals(summary.defects(), found.get(source), source + " defects");
        });
        long kinds = manifest.sources().values().stream().flatMap(s -> s.defects().keySet().stream()).distinct().count();
        assertEquals(Defect.values().length, kinds, "every kind of defect appears at this rate: " + manifest.sources());
    }

    @Test
    void recordsFromBeforeTheReformCarryThePreReformUnits(@TempDir Path folder) throws IOException {
        Path out = folder.resolve("history");
        generator().generate(new GeneratorOptions(Scale.TINY, 3, out, ExtractFormat.CSV, 0, Set.of("08"), GeneratorOptions.DEFAULT_AS_OF, 1));
        Set<String> current = units.communes().stream().map(Commune::code).collect(Collectors.toSet());
        long before = 0;
        long after = 0;
        for (String line : Files.readAllLines(out.resolve("public_service_applications/province=08/public_service_applications-08.csv"))) {
            String[] fields = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            if (fields[0].equals("application_id")) {
                continue;
            }
            boolean preReform = fields[7].compareTo("2025-07-01") < 0;
            if (preReform && (!current.contains(fields[5]) || fields[6].equals("02"))) {
                before++;
            }
            if (!preReform) {
                assertTrue(current.contains(fields[5]) && fields[6].equals("08"), line);
                after++;
            }
        }
        assertTrue(before > 0 && after > 0, before + " before, " + after + " after");
        String population = Files.readString(out.resolve("population_registry/province=08/population_registry-08.csv"));
        assertTrue(population.contains("\n002"), "residents of old Hà Giang born before the reform have IDs registered there");
    }

    @Test
    void aRunThatCannotFinishLeavesThePreviousOutputAndOtherFilesAlone(@TempDir Path folder) throws IOException {
        Path out = folder.resolve("extracts");
        generator().generate(tiny(out, 1, 2, 0));
        String before = Files.readString(out.resolve("manifest.json"));
        GeneratorOptions unknownProvince = new GeneratorOptions(Scale.TINY, 2, out, ExtractFormat.CSV, 0, Set.of("01", "63"),
                GeneratorOptions.DEFAULT_AS_OF, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generator().generate(unknownProvince));
        assertTrue(e.getMessage().contains("unknown province code '63'"), e.getMessage());
        assertEquals(before, Files.readString(out.resolve("manifest.json")));

        Path foreign = folder.resolve("documents");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("report.docx"), "keep");
        assertThrows(RuntimeException.class, () -> generator().generate(tiny(foreign, 1, 2, 0)));
        assertEquals("keep", Files.readString(foreign.resolve("report.docx")));
        try (var siblings = Files.list(folder)) {
            assertEquals(Set.of("extracts", "documents"), siblings.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                    "no partial output is left behind");
        }
    }

    @Test
    void writesParquetThroughTheEngine(@TempDir Path folder) {
        Path out = folder.resolve("parquet");
        GeneratorOptions options = new GeneratorOptions(Scale.TINY, 5, out, ExtractFormat.PARQUET, 0.002, Set.of("01", "79"),
                GeneratorOptions.DEFAULT_AS_OF, 2);
        Manifest manifest = new ExtractGenerator(units, Optional.of(new ParquetWriter(TestWarehouse.server().engine())))
                .generate(options).manifest();
        for (Manifest.SourceSummary summary : manifest.sources().values()) {
            for (Manifest.FileEntry file : summary.files()) {
                assertTrue(file.path().endsWith(".parquet"), file.path());
                String count = readBack(out.resolve(file.path()), "SELECT count() FROM extract").strip();
                assertEquals(file.rows(), Long.parseLong(count), file.path());
                assertTrue(file.defects().keySet().stream().noneMatch(k -> Defect.valueOf(k.toUpperCase()).csvOnly()), file.toString());
            }
        }
        String names = readBack(out.resolve(manifest.sources().get("population_registry").files().getFirst().path()),
                "SELECT full_name FROM extract LIMIT 1");
        assertTrue(names.matches("(?s)\\p{L}+ .*"), names);
        // An impossible birth date is the placeholder of an unknown date (a typed date cannot be 30 February).
        long placeholders = 0;
        for (Manifest.FileEntry file : manifest.sources().get("population_registry").files()) {
            placeholders += Long.parseLong(readBack(out.resolve(file.path()), "SELECT countIf(birth_date = '1900-01-01') FROM extract").strip());
        }
        assertTrue(placeholders > 0);
        assertEquals(manifest.sources().get("population_registry").defects().get("impossible_date"), placeholders);
    }

    /**
     * Reads a Parquet file back as a client would send it (the engine may not open files itself) into a temporary
     * table {@code extract} with the columns {@code full_name} and {@code birth_date} where the file has them, and answers the query over it.
     */
    private static String readBack(Path parquet, String query) {
        try (Engine.Lease lease = TestWarehouse.server().engine().acquire(Access.WRITE, Duration.ofMinutes(1))) {
            lease.discard();
            EngineConnection connection = lease.connection();
            connection.execute(Statement.of("CREATE TEMPORARY TABLE extract (full_name Nullable(String), birth_date Nullable(Date32)) ENGINE = Memory"));
            try (InsertStream insert = connection.insert(new Statement("INSERT INTO extract SETTINGS input_format_parquet_allow_missing_columns = 1",
                    "Parquet", Map.of()))) {
                byte[] bytes = Files.readAllBytes(parquet);
                insert.append(bytes, 0, bytes.length);
                insert.finish();
            }
            return connection.execute(Statement.of(query)).text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts, from the file alone, the defects of each kind the generator says it injected; returns the data rows. */
    private static int countDefects(String source, byte[] bytes, Map<String, Long> defects) throws IOException {
        boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        if (bom) {
            defects.merge("utf8_bom", 1L, Long::sum);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            defects.merge("legacy_encoding", 1L, Long::sum);
            text = new String(bytes, LegacyEncoding.WINDOWS_1258);
        }
        if (bom) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        LocalDate asOf = GeneratorOptions.DEFAULT_AS_OF;
        Set<String> current = units.communes().stream().map(Commune::code).collect(Collectors.toSet());
        Set<String> old = units.crosswalk().stream().map(CrosswalkEntry::oldCode).collect(Collectors.toSet());
        Set<String> seenLines = new HashSet<>();
        Map<String, Map<String, Set<Integer>>> dosesByPerson = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            CSVRecord record;
            try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(line))) {
                record = parser.getRecords().getFirst();
            }
            if (record.size() != header.size()) {
                defects.merge("malformed_csv_line", 1L, Long::sum);
                continue;
            }
            Function<String, String> field = column -> record.get(header.indexOf(column));
            switch (source) {
                case "population_registry" -> {
                    if (!seenLines.add(line)) {
                        defects.merge("duplicate_resident", 1L, Long::sum);
                    }
                    if (field.apply("personal_id").isEmpty()) {
                        defects.merge("blank_required_field", 1L, Long::sum);
                    }
                    if (!Normalizer.isNormalized(field.apply("full_name"), Normalizer.Form.NFC)) {
                        defects.merge("nfd_text", 1L, Long::sum);
                    }
                    communeDefect(field.apply("commune_code"), current, old, true, defects);
                    dateDefect(field.apply("birth_date"), asOf, defects);
                }
                case "vaccination_register" -> {
                    if (field.apply("personal_id").startsWith("099")) {
                        defects.merge("dose_for_unknown_person", 1L, Long::sum);
                    }
                    communeDefect(field.apply("commune_code"), current, old, false, defects);
                    LocalDate given = LocalDate.parse(field.apply("vaccinated_on"));
                    if (given.isAfter(asOf)) {
                        defects.merge("future_date", 1L, Long::sum);
                    } else if (LocalDate.parse(field.apply("recorded_on")).toEpochDay() - given.toEpochDay() >= 60) {
                        defects.merge("late_arriving_record", 1L, Long::sum);
                    }
                    dosesByPerson.computeIfAbsent(field.apply("personal_id"), p -> new HashMap<>())
                            .computeIfAbsent(field.apply("vaccine"), v -> new HashSet<>()).add(Integer.parseInt(field.apply("dose_number")));
                }
                case "public_service_applications" -> {
                    if (field.apply("service_code").isEmpty()) {
                        defects.merge("blank_required_field", 1L, Long::sum);
                    }
                    communeDefect(field.apply("commune_code"), current, old, false, defects);
                    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
                    if (!field.apply("resolved_at").isEmpty() && LocalDateTime.parse(field.apply("resolved_at"), format)
                            .isBefore(LocalDateTime.parse(field.apply("received_at"), format))) {
                        defects.merge("impossible_date", 1L, Long::sum);
                    }
                }
                default -> {
                    for (String value : record) {
                        if (value.startsWith("-")) {
                            defects.merge("negative_count", 1L, Long::sum);
                        }
                    }
                }
            }
        }
        dosesByPerson.values().forEach(series -> series.forEach((vaccine, doses) -> {
            int highest = doses.stream().mapToInt(Integer::intValue).max().orElse(0);
            for (int dose = 1; dose < highest; dose++) {
                if (!doses.contains(dose) && !vaccine.equals("DTP") && !vaccine.startsWith("COVID")) {
                    defects.merge("dose_sequence_gap", 1L, Long::sum);
                }
            }
        }));
        return lines.size() - 1;
    }

    /** Event records dated before the reform carry pre-reform codes by design; a registry snapshot should not. */
    private static void communeDefect(String code, Set<String> current, Set<String> old, boolean snapshot, Map<String, Long> defects) {
        if (current.contains(code)) {
            return;
        }
        if (!old.contains(code)) {
            defects.merge("unknown_commune_code", 1L, Long::sum);
        } else if (snapshot) {
            defects.merge("pre_reform_commune_code", 1L, Long::sum);
        }
    }

    private static void dateDefect(String date, LocalDate asOf, Map<String, Long> defects) {
        try {
            if (LocalDate.parse(date).isAfter(asOf)) {
                defects.merge("future_date", 1L, Long::sum);
            }
        } catch (DateTimeParseException e) {
            defects.merge("impossible_date", 1L, Long::sum);
        }
    }
}
