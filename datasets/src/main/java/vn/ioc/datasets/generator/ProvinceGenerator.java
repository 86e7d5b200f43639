package vn.ioc.datasets.generator;

import vn.ioc.datasets.units.Commune;
import vn.ioc.datasets.units.CommuneType;
import vn.ioc.datasets.units.CrosswalkEntry;
import vn.ioc.datasets.units.Province;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates the extracts of one province: its residents commune by commune, and with each resident
 * their vaccination doses and public-service applications; then the school census from the children
 * generated, and the vaccine supply. Deterministic for a seed, whatever else runs at the same time.
 */
final class ProvinceGenerator {
    /** Vietnam's age pyramid (2024, five-year bands to 80+), in per mille. */
    private static final int[] AGE_BANDS = {73, 79, 76, 69, 68, 74, 80, 80, 74, 68, 60, 53, 45, 36, 25, 15, 25};
    private static final int[] AGE_CUMULATIVE = cumulative(AGE_BANDS);
    private static final long DAY = 86_400;
    /** What source systems put in a date field when the date is not known: no one alive was born then. */
    private static final String UNKNOWN_DATE = "1900-01-01";

    /** Routine immunisation: vaccine, dose, age in days when due. */
    private record ScheduledDose(String vaccine, int dose, int ageDays) {
    }

    private static final List<ScheduledDose> EPI = List.of(
            new ScheduledDose("BCG", 1, 0), new ScheduledDose("HepB-birth", 1, 0),
            new ScheduledDose("DTP-HepB-Hib", 1, 60), new ScheduledDose("DTP-HepB-Hib", 2, 90), new ScheduledDose("DTP-HepB-Hib", 3, 120),
            new ScheduledDose("OPV", 1, 60), new ScheduledDose("OPV", 2, 90), new ScheduledDose("OPV", 3, 120),
            new ScheduledDose("IPV", 1, 150), new ScheduledDose("Measles", 1, 270),
            new ScheduledDose("JE", 1, 365), new ScheduledDose("JE", 2, 395),
            new ScheduledDose("MR", 1, 540), new ScheduledDose("DTP", 4, 540));
    static final List<String> VACCINES = List.of("BCG", "HepB-birth", "DTP-HepB-Hib", "OPV", "IPV", "Measles", "JE", "MR", "DTP",
            "COVID-19 Comirnaty", "COVID-19 Vaxzevria", "COVID-19 Spikevax", "COVID-19 BBIBP-CorV");
    private static final String[] PRIMARY_COVID = {"COVID-19 Comirnaty", "COVID-19 Comirnaty", "COVID-19 Comirnaty",
            "COVID-19 Vaxzevria", "COVID-19 Vaxzevria", "COVID-19 Spikevax", "COVID-19 BBIBP-CorV"};
    private static final long COVID_START = LocalDate.of(2021, 7, 1).toEpochDay();
    /** Before 1 July 2025 source systems keyed records by the pre-reform communes and provinces. */
    static final long REFORM_DAY = LocalDate.of(2025, 7, 1).toEpochDay();
    /** The national population database went live on 1 July 2021; level-2 VNeID accounts and insurance links came later. */
    private static final long DATABASE_START = LocalDate.of(2021, 7, 1).toEpochDay();
    private static final long CHIP_CARD_START = LocalDate.of(2021, 1, 1).toEpochDay();
    private static final long VNEID_LEVEL2_START = LocalDate.of(2022, 7, 1).toEpochDay();
    private static final long INSURANCE_LINK_START = LocalDate.of(2022, 1, 1).toEpochDay();

    private static final byte[][] SERVICE_CODES = ServiceCatalogue.SERVICES.stream().map(s -> utf8(s.code())).toArray(byte[][]::new);
    private static final byte[][] SERVICE_NAMES = ServiceCatalogue.SERVICES.stream().map(s -> utf8(csvSafe(s.name()))).toArray(byte[][]::new);
    private static final byte[] MALE = utf8("Nam");
    private static final byte[] FEMALE = utf8("Nữ");
    private static final byte[] PERMANENT = utf8("thường trú");
    private static final byte[] TEMPORARY = utf8("tạm trú");
    private static final byte[] VERIFIED = utf8("đã xác thực");
    private static final byte[] TO_CORRECT = utf8("cần điều chỉnh");
    private static final byte[] ONLINE = utf8("trực tuyến");
    private static final byte[] COUNTER = utf8("trực tiếp");
    private static final byte[] RESOLVED = utf8("đã giải quyết");
    private static final byte[] REJECTED = utf8("từ chối");
    private static final byte[] IN_PROGRESS = utf8("đang xử lý");
    private static final byte[] OVERDUE = utf8("quá hạn");

    private final Province province;
    private final List<Commune> communes;
    private final Map<String, List<CrosswalkEntry>> oldCodesByCommune;
    private final Set<String> currentCodes;
    private final GeneratorOptions options;
    private final VietnameseNames names;
    private final Set<Defect> fileDefects;
    private final AtomicLong progress;
    private final SplittableRandom random;
    private final double performance;
    private final long asOfDay;
    private final long asOfSecond;
    private final long historyFromSecond;
    private final int[] idCounters = new int[100 * 400];
    private final byte[] provinceCode;
    private final byte[] eventPrefix;
    private final byte[] applicationPrefix;
    private long vaccinationEvents;
    private boolean unknownPersonDose;
    /** The current commune's predecessors, for records dated before the reform. */
    private byte[][] oldCommuneCodes = new byte[0][];
    private byte[][] oldProvinceCodes = new byte[0][];
    private long applications;
    private final List<SampledCommune> design = new ArrayList<>();

    ProvinceGenerator(Province province, List<Commune> communes, Map<String, List<CrosswalkEntry>> oldCodesByCommune,
                      Set<String> currentCodes, GeneratorOptions options, VietnameseNames names, Set<Defect> fileDefects,
                      AtomicLong progress) {
        this.province = province;
        this.communes = communes;
        this.oldCodesByCommune = oldCodesByCommune;
        this.currentCodes = currentCodes;
        this.options = options;
        this.names = names;
        this.fileDefects = fileDefects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(fileDefects);
        this.progress = progress;
        this.random = new SplittableRandom(options.seed() * 1_000_003L + Long.parseLong(province.code()) * 7_919L);
        // A few clear leaders and laggards: each province's performance sits somewhere in [-1, 1].
        this.performance = random.nextDouble(-1, 1);
        this.asOfDay = options.asOf().toEpochDay();
        this.asOfSecond = options.asOf().atStartOfDay().toEpochSecond(ZoneOffset.UTC) + DAY - 1;
        this.historyFromSecond = options.scale().historyFrom().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        this.provinceCode = utf8(province.code());
        this.eventPrefix = utf8("V" + province.code());
        this.applicationPrefix = utf8("A" + province.code());
    }

    /** The communes generated so far and the size of their samples. */
    List<SampledCommune> design() {
        return List.copyOf(design);
    }

    /** Writes this province's files under {@code folder}; returns them closed, with their counts. */
    List<ExtractFile> generate(Path folder) throws IOException {
        List<ExtractFile> files = new ArrayList<>();
        try (ExtractFile population = open(folder, Source.POPULATION_REGISTRY, fileDefects.contains(Defect.UTF8_BOM));
             ExtractFile vaccination = open(folder, Source.VACCINATION_REGISTER, false);
             ExtractFile applicationsFile = open(folder, Source.PUBLIC_SERVICE_APPLICATIONS, false);
             ExtractFile schools = open(folder, Source.SCHOOL_CENSUS, false);
             ExtractFile supply = open(folder, Source.VACCINE_SUPPLY, false)) {
            files.addAll(List.of(population, vaccination, applicationsFile, schools, supply));
            long[] dosesByVaccine = new long[VACCINES.size()];
            for (Commune commune : communes) {
                double communePerformance = Math.max(-1, Math.min(1, performance * 0.7 + random.nextDouble(-0.3, 0.3)));
                int residents = SampledCommune.sampleSize(commune, options.scale());
                SampledCommune sampled = new SampledCommune(commune.code(), province.code(), commune.population(), residents);
                design.add(sampled);
                int[] birthYears = new int[200];
                byte[] facility = utf8(csvSafe("Trạm Y tế " + commune.fullName()));
                byte[] communeCode = utf8(commune.code());
                List<CrosswalkEntry> predecessors = oldCodesByCommune.getOrDefault(commune.code(), List.of());
                oldCommuneCodes = predecessors.stream().map(e -> utf8(e.oldCode())).toArray(byte[][]::new);
                oldProvinceCodes = predecessors.stream().map(e -> utf8(e.oldProvinceCode().isEmpty() ? province.code() : e.oldProvinceCode()))
                        .toArray(byte[][]::new);
                for (int r = 0; r < residents; r++) {
                    resident(commune, communeCode, communePerformance, facility, population, vaccination, applicationsFile,
                            birthYears, dosesByVaccine);
                }
                schools(commune, birthYears, sampled.weight(), communePerformance, schools);
                progress.addAndGet(residents);
            }
            supply(supply, dosesByVaccine, (double) design.stream().mapToLong(c -> c.sampled() * c.weight()).sum()
                    / design.stream().mapToLong(SampledCommune::sampled).sum());
        }
        return files;
    }

    private ExtractFile open(Path folder, Source source, boolean bom) throws IOException {
        Path path = folder.resolve(source.fileName()).resolve("province=" + province.code())
                .resolve(source.fileName() + "-" + province.code() + ".csv");
        return new ExtractFile(source, province.code(), path, bom);
    }

    private boolean defect() {
        return options.defectRate() > 0 && random.nextDouble() < options.defectRate();
    }

    private boolean csvDefects() {
        return options.format() == ExtractFormat.CSV;
    }

    private void resident(Commune commune, byte[] communeCode, double perf, byte[] facility, ExtractFile population,
                          ExtractFile vaccination, ExtractFile applicationsFile, int[] birthYears, long[] dosesByVaccine) throws IOException {
        boolean female = random.nextInt(1000) < 502;
        int age = age();
        long birthDay = asOfDay - age * 365L - random.nextInt(365);
        int birthYear = LocalDate.ofEpochDay(birthDay).getYear();
        birthYears[Math.max(0, Math.min(199, birthYear - 1900))]++;
        byte[] personalId = personalId(female, birthYear, birthDay < REFORM_DAY && oldProvinceCodes.length > 0
                ? oldProvinceCodes[0] : provinceCode);
        boolean urban = commune.type() == CommuneType.PHUONG;

        long collected = collectedOn(birthDay, perf);
        if (random.nextDouble() >= registryCoverage(perf) || collected > asOfDay) {
            // Not (yet) collected into the registry: a person all the same, vaccinated and served.
            vaccinations(personalId, birthDay, age, communeCode, facility, perf, vaccination, dosesByVaccine);
            if (age >= 15) {
                applications(commune, communeCode, urban, perf, applicationsFile);
            }
            return;
        }
        CsvRowWriter row = population.row();
        Defect kind = defect() ? pick(Defect.DUPLICATE_RESIDENT, Defect.UNKNOWN_COMMUNE_CODE, Defect.PRE_REFORM_COMMUNE_CODE,
                Defect.FUTURE_DATE, Defect.IMPOSSIBLE_DATE, Defect.BLANK_REQUIRED_FIELD, Defect.MALFORMED_CSV_LINE, Defect.NFD_TEXT) : null;
        if (kind == Defect.MALFORMED_CSV_LINE && !csvDefects() || kind == Defect.PRE_REFORM_COMMUNE_CODE && oldCodeOf(commune) == null) {
            kind = null;
        }
        if (kind == Defect.MALFORMED_CSV_LINE) {
            // Three fields where the file has sixteen, as when an export is cut mid-line.
            row.malformedRow(utf8(new String(personalId, StandardCharsets.US_ASCII) + "," + (female ? "Nữ" : "Nam") + ","
                    + LocalDate.ofEpochDay(birthDay)));
            population.count(kind);
        } else {
            long updated = asOfSecond - random.nextLong(2 * 365 * DAY);
            boolean hasCard = age >= 14 ? random.nextDouble() < 0.9 + 0.08 * perf : random.nextDouble() < 0.05;
            long cardDay = firstCardDay(birthDay);
            int vneid = age < 14 ? 0 : random.nextDouble() < 0.7 + 0.2 * perf ? 2 : random.nextDouble() < 0.5 ? 1 : 0;
            populationRow(row, personalId, female, birthDay, communeCode, commune, urban, perf, hasCard, cardDay, vneid, updated, kind,
                    collected, -1);
            if (kind != null) {
                population.count(kind);
            }
            if (kind == Defect.DUPLICATE_RESIDENT) {
                populationRow(row, personalId, female, birthDay, communeCode, commune, urban, perf, hasCard, cardDay, vneid, updated, null,
                        collected, -1);
            }
        }
        if (random.nextDouble() < deathChance(age)) {
            // A resident of the same age who died in the months the extracts cover: the registry keeps the record, closed.
            long died = asOfDay - random.nextInt(GeneratorOptions.HISTORY_MONTHS * 365 / 12);
            long born = died - age * 365L - random.nextInt(365);
            boolean woman = random.nextInt(1000) < 470;
            byte[] id = personalId(woman, LocalDate.ofEpochDay(born).getYear(), born < REFORM_DAY && oldProvinceCodes.length > 0
                    ? oldProvinceCodes[0] : provinceCode);
            populationRow(population.row(), id, woman, born, communeCode, commune, urban, perf, age >= 14 && random.nextDouble() < 0.85,
                    firstCardDay(born), age >= 14 && random.nextDouble() < 0.5 ? 2 : 0,
                    died * DAY + 9 * 3600, null, Math.min(died, collectedOn(born, perf)), died);
        }
        vaccinations(personalId, birthDay, age, communeCode, facility, perf, vaccination, dosesByVaccine);
        if (age >= 15) {
            applications(commune, communeCode, urban, perf, applicationsFile);
        }
    }

    /** The first day someone born on {@code birthDay} could be issued a chip card: at 14, and not before 2021. */
    private static long firstCardDay(long birthDay) {
        return Math.max(birthDay + 14 * 365L, CHIP_CARD_START);
    }

    /** The chance that someone of this age died in the 24 months before the extract (about 6.5 per 1,000 a year overall). */
    private static double deathChance(int age) {
        return age < 1 ? 0.006 : age < 40 ? 0.002 : age < 60 ? 0.01 : age < 70 ? 0.03 : age < 80 ? 0.07 : 0.2;
    }

    /** The share of residents the registry has collected: 98.5 % to 99.8 % (Hòa Bình reported 99.6 %). */
    private static double registryCoverage(double perf) {
        return 0.9915 + 0.0065 * perf;
    }

    private void populationRow(CsvRowWriter row, byte[] personalId, boolean female, long birthDay, byte[] communeCode,
                                 Commune commune, boolean urban, double perf, boolean hasCard, long cardDay, int vneid,
                                 long updated, Defect kind, long collected, long closedDay) throws IOException {
        // The same random draws for a duplicate as for its original, so that the two lines are identical.
        SplittableRandom rowRandom = new SplittableRandom(updated ^ birthDay * 31);
        row.bytes(kind == Defect.BLANK_REQUIRED_FIELD ? new byte[0] : personalId);
        row.bytes(names.name(rowRandom, female, kind == Defect.NFD_TEXT));
        row.bytes(female ? FEMALE : MALE);
        if (kind == Defect.FUTURE_DATE) {
            row.date(asOfDay + 1 + random.nextInt(400));
        } else if (kind == Defect.IMPOSSIBLE_DATE) {
            // A typed column cannot hold a 30 February: typed extracts carry the placeholder source systems put for an unknown date.
            row.bytes(utf8(csvDefects() ? LocalDate.ofEpochDay(birthDay).getYear() + "-02-30" : UNKNOWN_DATE));
        } else {
            row.date(birthDay);
        }
        if (kind == Defect.UNKNOWN_COMMUNE_CODE) {
            row.bytes(utf8(unknownCommuneCode()));
        } else if (kind == Defect.PRE_REFORM_COMMUNE_CODE) {
            row.bytes(utf8(oldCodeOf(commune)));
        } else {
            row.bytes(communeCode);
        }
        row.bytes(rowRandom.nextDouble() < (urban ? 0.88 : 0.95) ? PERMANENT : TEMPORARY);
        // A closed record (its resident died) reached no state after its closing.
        long lastDay = closedDay >= 0 ? closedDay : asOfDay;
        // Most records are verified some months after they are collected; a few need correcting first.
        long verified = rowRandom.nextDouble() < 0.96 + 0.035 * perf
                ? collected + 7 + (long) (-Math.log(1 - rowRandom.nextDouble()) * (200 - 120 * perf)) : Long.MAX_VALUE;
        row.bytes(verified <= lastDay ? VERIFIED : TO_CORRECT);
        if (hasCard && cardDay <= lastDay) {
            // Most chip cards were issued in the 2021-2022 campaign: the issue dates lean early.
            double u = rowRandom.nextDouble();
            row.date(cardDay + (long) ((lastDay - cardDay) * u * u));
        } else {
            row.blank();
        }
        row.number(vneid);
        boolean insured = rowRandom.nextDouble() < 0.8 + 0.15 * perf;
        row.number(insured ? 1 : 0);
        row.timestamp(updated);
        // When each state was reached, so that ingest can tell the registry of any month before the extract.
        row.date(collected);
        if (verified <= lastDay) {
            row.date(verified);
        } else {
            row.blank();
        }
        if (vneid == 2) {
            row.date(dayBetween(rowRandom, Math.max(Math.max(VNEID_LEVEL2_START, collected), birthDay + 14 * 365L + 4), lastDay));
        } else {
            row.blank();
        }
        if (insured) {
            row.date(dayBetween(rowRandom, Math.max(INSURANCE_LINK_START, collected), lastDay));
        } else {
            row.blank();
        }
        if (closedDay >= 0) {
            row.date(closedDay);
        } else {
            row.blank();
        }
        row.endRow();
    }

    /**
     * When a resident's record entered the population database (perhaps after the extract's day, for a newborn): a newborn's
     * within weeks of birth; others mostly in
     * the 2021-2022 collection campaign, the rest later (about 1 %, more of them where the province lags).
     */
    private long collectedOn(long birthDay, double perf) {
        if (birthDay >= DATABASE_START) {
            return birthDay + 3 + random.nextInt(30);
        }
        double late = 0.01 - 0.006 * perf;
        double roll = random.nextDouble();
        if (roll < late) {
            return asOfDay - random.nextLong(760);
        }
        long campaignEnd = Math.max(DATABASE_START + 1, asOfDay - 760);
        return roll < late + 0.8 ? DATABASE_START + random.nextLong(Math.min(365, campaignEnd - DATABASE_START))
                : DATABASE_START + random.nextLong(campaignEnd - DATABASE_START);
    }

    /** A day drawn evenly from {@code from} to {@code to} ({@code to} if {@code from} is later). */
    private static long dayBetween(SplittableRandom rowRandom, long from, long to) {
        return from >= to ? to : from + rowRandom.nextLong(to - from + 1);
    }

    private void vaccinations(byte[] personalId, long birthDay, int age, byte[] communeCode, byte[] facility, double perf,
                              ExtractFile file, long[] dosesByVaccine) throws IOException {
        if (age <= 6) {
            String stoppedSeries = null;
            String gapInSeries = null;
            for (ScheduledDose scheduled : EPI) {
                long due = birthDay + scheduled.ageDays() + random.nextInt(21);
                if (due > asOfDay || scheduled.vaccine().equals(stoppedSeries)) {
                    continue;
                }
                boolean afterGap = scheduled.vaccine().equals(gapInSeries);
                if (!afterGap && random.nextDouble() > 0.985 + 0.012 * perf - 0.01 * scheduled.dose()) {
                    stoppedSeries = scheduled.vaccine();
                    continue;
                }
                if (scheduled.dose() == 2 && EPI.contains(new ScheduledDose(scheduled.vaccine(), 3, 120)) && defect()) {
                    // A dose missing from the register while the next one is there: counted once the next is written.
                    gapInSeries = scheduled.vaccine();
                    continue;
                }
                dose(file, personalId, scheduled.vaccine(), scheduled.dose(), due, communeCode, facility, dosesByVaccine);
                if (afterGap) {
                    file.count(Defect.DOSE_SEQUENCE_GAP);
                    gapInSeries = null;
                }
            }
        }
        if (age >= 5 && asOfDay > COVID_START) {
            boolean adult = age >= 18;
            if (random.nextDouble() < (adult ? 0.93 : 0.84) + 0.04 * perf) {
                String product = PRIMARY_COVID[random.nextInt(PRIMARY_COVID.length)];
                long first = COVID_START + (adult ? random.nextInt(200) : 150 + random.nextInt(250));
                dose(file, personalId, product, 1, first, communeCode, facility, dosesByVaccine);
                if (!product.endsWith("Vaxzevria") || random.nextDouble() < 0.97) {
                    long second = first + 28 + random.nextInt(60);
                    if (random.nextDouble() < 0.95) {
                        dose(file, personalId, product, 2, second, communeCode, facility, dosesByVaccine);
                        if (adult && random.nextDouble() < 0.6 + 0.15 * perf) {
                            long third = second + 120 + random.nextInt(200);
                            dose(file, personalId, "COVID-19 Comirnaty", 3, third, communeCode, facility, dosesByVaccine);
                            if (random.nextDouble() < 0.35) {
                                dose(file, personalId, random.nextBoolean() ? "COVID-19 Comirnaty" : "COVID-19 Spikevax", 4,
                                        third + 120 + random.nextInt(200), communeCode, facility, dosesByVaccine);
                            }
                        }
                    }
                }
            }
        }
        if (defect()) {
            // A dose for a person the population registry does not know.
            unknownPersonDose = true;
            dose(file, utf8("099" + (100_000_000 + random.nextInt(900_000_000))), "MR", 1,
                    asOfDay - random.nextInt(300), communeCode, facility, dosesByVaccine);
            unknownPersonDose = false;
            file.count(Defect.DOSE_FOR_UNKNOWN_PERSON);
        }
    }

    private void dose(ExtractFile file, byte[] personalId, String vaccine, int doseNumber, long day, byte[] communeCode,
                      byte[] facility, long[] dosesByVaccine) throws IOException {
        if (day > asOfDay) {
            return;
        }
        // One defect to a row: a dose for an unknown person carries no other.
        Defect kind = !unknownPersonDose && defect() ? pick(Defect.UNKNOWN_COMMUNE_CODE, Defect.FUTURE_DATE, Defect.LATE_ARRIVING_RECORD) : null;
        long recorded = day + random.nextInt(4);
        if (kind == Defect.LATE_ARRIVING_RECORD) {
            recorded = day + 60 + random.nextInt(180);
            if (recorded > asOfDay) {
                kind = null;
                recorded = day;
            }
        }
        CsvRowWriter row = file.row();
        row.code(eventPrefix, ++vaccinationEvents, 11);
        row.bytes(personalId);
        row.text(vaccine);
        row.number(doseNumber);
        row.date(kind == Defect.FUTURE_DATE ? asOfDay + 1 + random.nextInt(200) : day);
        row.bytes(facility);
        row.bytes(kind == Defect.UNKNOWN_COMMUNE_CODE ? utf8(unknownCommuneCode()) : day < REFORM_DAY ? communeBefore(communeCode) : communeCode);
        row.date(Math.min(asOfDay, recorded));
        row.endRow();
        if (kind != null) {
            file.count(kind);
        }
        dosesByVaccine[VACCINES.indexOf(vaccine)]++;
    }

    private void applications(Commune commune, byte[] communeCode, boolean urban, double perf, ExtractFile file) throws IOException {
        double years = (asOfSecond - historyFromSecond) / (365.0 * DAY);
        int count = poisson(1.2 * years);
        for (int a = 0; a < count; a++) {
            int serviceIndex = serviceIndex();
            ServiceCatalogue.Service service = ServiceCatalogue.SERVICES.get(serviceIndex);
            long received = historyFromSecond + random.nextLong(asOfSecond - historyFromSecond);
            received = received - Math.floorMod(received, DAY) + (7 + random.nextInt(10)) * 3600L + random.nextInt(3600);
            int year = LocalDate.ofEpochDay(received / DAY).getYear();
            double onlineShare = Math.min(0.97, Math.max(0.05, 0.35 + 0.12 * (year - 2023) + 0.12 * perf + (urban ? 0.08 : 0)
                    - (service.fullOnline() ? 0 : 0.25)));
            boolean online = random.nextDouble() < onlineShare;
            long due = received + service.daysAllowed() * DAY;
            double roll = random.nextDouble();
            byte[] status;
            long resolved = -1;
            if (roll < 0.03) {
                status = REJECTED;
                resolved = received + random.nextLong(Math.max(1, due - received));
            } else {
                long candidate = random.nextDouble() < 0.9 + 0.08 * perf
                        ? received + (long) ((due - received) * random.nextDouble(0.1, 1.0))
                        : due + (1 + random.nextInt(20)) * DAY;
                if (candidate <= asOfSecond) {
                    status = RESOLVED;
                    resolved = candidate;
                } else {
                    status = due < asOfSecond ? OVERDUE : IN_PROGRESS;
                }
            }
            Defect kind = defect() ? pick(Defect.UNKNOWN_COMMUNE_CODE, Defect.BLANK_REQUIRED_FIELD, Defect.IMPOSSIBLE_DATE) : null;
            if (kind == Defect.IMPOSSIBLE_DATE && resolved < 0) {
                kind = null;
            }
            CsvRowWriter row = file.row();
            row.code(applicationPrefix, ++applications, 11);
            if (kind == Defect.BLANK_REQUIRED_FIELD) {
                row.blank();
            } else {
                row.bytes(SERVICE_CODES[serviceIndex]);
            }
            row.bytes(SERVICE_NAMES[serviceIndex]);
            row.number(service.fullOnline() ? 1 : 0);
            row.bytes(online ? ONLINE : COUNTER);
            boolean beforeReform = received / DAY < REFORM_DAY && oldCommuneCodes.length > 0;
            int predecessor = beforeReform ? random.nextInt(oldCommuneCodes.length) : -1;
            row.bytes(kind == Defect.UNKNOWN_COMMUNE_CODE ? utf8(unknownCommuneCode()) : beforeReform ? oldCommuneCodes[predecessor] : communeCode);
            row.bytes(beforeReform ? oldProvinceCodes[predecessor] : provinceCode);
            row.timestamp(received);
            row.timestamp(due);
            if (resolved < 0) {
                row.blank();
            } else {
                // Resolved before it was received: impossible.
                row.timestamp(kind == Defect.IMPOSSIBLE_DATE ? received - (1 + random.nextInt(30)) * DAY : resolved);
            }
            row.bytes(status);
            if (resolved < 0 || status == REJECTED) {
                row.blank();
            } else {
                row.number(random.nextDouble() < 0.88 + 0.08 * perf ? 1 : 0);
            }
            if (status == RESOLVED && random.nextDouble() < 0.3) {
                row.number(satisfaction(perf));
            } else {
                row.blank();
            }
            row.endRow();
            if (kind != null) {
                file.count(kind);
            }
        }
    }

    /**
     * One row per school per school year. The census is complete, not a sample: its pupils are the commune's children
     * as the sample counts them, each standing for {@code weight} children, so schools have their real size.
     */
    private void schools(Commune commune, int[] birthYears, long weight, double perf, ExtractFile file) throws IOException {
        long realPopulation = commune.population();
        int[][] levels = {
                {0, (int) Math.max(1, realPopulation / 6_000), 25},
                {1, (int) Math.max(1, realPopulation / 9_000), 35},
                {2, (int) Math.max(realPopulation >= 4_000 ? 1 : 0, realPopulation / 16_000), 45},
                // Upper-secondary schools wherever lower-secondary ones are: their pupils are the commune's own youth.
                {3, (int) Math.max(realPopulation >= 4_000 ? 1 : 0, realPopulation / 60_000), 45}};
        String[] levelNames = {"Mầm non", "Tiểu học", "THCS", "THPT"};
        String[] schoolNames = {"Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường THPT"};
        double[] teachersPerClass = {1.9, 1.5, 1.9, 2.25};
        int firstYear = options.scale().historyFrom().getYear();
        int lastYear = options.asOf().getMonthValue() >= 9 ? options.asOf().getYear() : options.asOf().getYear() - 1;
        for (int[] level : levels) {
            int schoolCount = level[1];
            for (int s = 1; s <= schoolCount; s++) {
                String schoolId = "S" + commune.code() + level[0] + String.format("%02d", s);
                String name = schoolNames[level[0]] + " " + commune.name() + (schoolCount > 1 ? " số " + s : "");
                boolean publicSchool = random.nextDouble() < (commune.type() == CommuneType.PHUONG ? 0.85 : 0.97);
                double share = 1.0 / schoolCount;
                double capacity = random.nextDouble(0.8, 1.25) + 0.1 * perf;
                for (int year = firstYear; year <= lastYear; year++) {
                    long[] pupils = new long[13];
                    long total = 0;
                    for (int grade = 0; grade <= 12; grade++) {
                        boolean inLevel = level[0] == 0 ? grade == 0 : level[0] == 1 ? grade >= 1 && grade <= 5
                                : level[0] == 2 ? grade >= 6 && grade <= 9 : grade >= 10;
                        if (!inLevel) {
                            continue;
                        }
                        long cohort = 0;
                        if (grade == 0) {
                            // Kindergarten: the children aged 3 to 5 (those born 3 to 5 years before the school year).
                            for (int age = 3; age <= 5; age++) {
                                cohort += birthYear(birthYears, year - age);
                            }
                        } else {
                            cohort = birthYear(birthYears, year - 5 - grade);
                        }
                        double enrolment = grade == 0 ? 0.92 : grade <= 5 ? 0.99 : grade <= 9 ? 0.93 : 0.72;
                        pupils[grade] = Math.round(cohort * weight * (enrolment + 0.03 * perf) * share);
                        total += pupils[grade];
                    }
                    long classes = Math.max(1, (total + level[2] - 1) / level[2]);
                    long classrooms = Math.max(1, Math.round(classes * capacity));
                    CsvRowWriter row = file.row();
                    row.bytes(utf8(schoolId));
                    row.text(name);
                    row.text(levelNames[level[0]]);
                    byte[] code = utf8(commune.code());
                    row.bytes(LocalDate.of(year, 9, 1).toEpochDay() < REFORM_DAY ? communeBefore(code) : code);
                    row.text(publicSchool ? "công lập" : "tư thục");
                    row.bytes(utf8(year + "-" + (year + 1)));
                    boolean negative = defect();
                    for (int grade = 0; grade <= 12; grade++) {
                        boolean inLevel = level[0] == 0 ? grade == 0 : level[0] == 1 ? grade >= 1 && grade <= 5
                                : level[0] == 2 ? grade >= 6 && grade <= 9 : grade >= 10;
                        if (!inLevel) {
                            row.blank();
                        } else if (negative) {
                            row.number(-1 - pupils[grade]);
                            negative = false;
                            file.count(Defect.NEGATIVE_COUNT);
                        } else {
                            row.number(pupils[grade]);
                        }
                    }
                    row.number(Math.round(classes * teachersPerClass[level[0]] * random.nextDouble(0.85, 1.1)));
                    row.number(classes);
                    row.number(classrooms);
                    row.number(Math.round(classrooms * level[2] * random.nextDouble(0.9, 1.05)));
                    row.endRow();
                }
            }
        }
    }

    /**
     * Doses delivered to the province and held at each month's end, for the last 24 months: the whole province's,
     * not the sample's ({@code weight} residents for each one generated).
     */
    private void supply(ExtractFile file, long[] dosesByVaccine, double weight) throws IOException {
        LocalDate firstMonth = options.asOf().withDayOfMonth(1).minusMonths(GeneratorOptions.HISTORY_MONTHS - 1);
        for (int v = 0; v < VACCINES.size(); v++) {
            long monthly = Math.max(10, Math.round(dosesByVaccine[v] * weight / 60));
            long held = monthly;
            for (int m = 0; m < GeneratorOptions.HISTORY_MONTHS; m++) {
                long delivered = Math.round(monthly * random.nextDouble(0.8, 1.4));
                long used = Math.round(monthly * random.nextDouble(0.85, 1.15));
                held = Math.max(0, held + delivered - used);
                CsvRowWriter row = file.row();
                row.text(province.code());
                row.text(VACCINES.get(v));
                row.bytes(utf8(firstMonth.plusMonths(m).toString().substring(0, 7)));
                if (defect()) {
                    row.number(-delivered);
                    file.count(Defect.NEGATIVE_COUNT);
                } else {
                    row.number(delivered);
                }
                row.number(held);
                row.endRow();
            }
        }
    }

    private static long birthYear(int[] birthYears, int year) {
        int index = year - 1900;
        return index < 0 || index >= birthYears.length ? 0 : birthYears[index];
    }

    private int age() {
        int roll = random.nextInt(AGE_CUMULATIVE[AGE_CUMULATIVE.length - 1]);
        int band = 0;
        while (roll >= AGE_CUMULATIVE[band]) {
            band++;
        }
        return band == AGE_BANDS.length - 1 ? 80 + random.nextInt(20) : band * 5 + random.nextInt(5);
    }

    /**
     * The 12-digit personal ID: 3-digit province of birth registration, sex and century, 2-digit birth year,
     * then six digits from a per-bucket counter scrambled by a bijection, so that IDs are unique without
     * looking sequential.
     */
    private byte[] personalId(boolean female, int birthYear, byte[] birthProvince) {
        int century = birthYear >= 2000 ? 2 : 0;
        int sexCentury = century + (female ? 1 : 0);
        int bucket = ((birthProvince[0] - '0') * 10 + birthProvince[1] - '0') * 400 + sexCentury * 100 + birthYear % 100;
        int serial = idCounters[bucket]++;
        long scrambled = (serial * 7_919L + 123_457L) % 1_000_000L;
        byte[] id = new byte[12];
        id[0] = '0';
        id[1] = birthProvince[0];
        id[2] = birthProvince[1];
        id[3] = (byte) ('0' + sexCentury);
        id[4] = (byte) ('0' + birthYear % 100 / 10);
        id[5] = (byte) ('0' + birthYear % 10);
        for (int i = 11; i >= 6; i--) {
            id[i] = (byte) ('0' + scrambled % 10);
            scrambled /= 10;
        }
        return id;
    }

    /** One of the pre-reform communes the current one was formed from, where the crosswalk names one. */
    private byte[] communeBefore(byte[] current) {
        return oldCommuneCodes.length == 0 ? current : oldCommuneCodes[random.nextInt(oldCommuneCodes.length)];
    }

    private String unknownCommuneCode() {
        String code;
        do {
            code = "9" + String.format("%04d", random.nextInt(10_000));
        } while (currentCodes.contains(code));
        return code;
    }

    /** A pre-reform code of this commune that is not also some current commune's code, or null. */
    private String oldCodeOf(Commune commune) {
        for (CrosswalkEntry entry : oldCodesByCommune.getOrDefault(commune.code(), List.of())) {
            if (!currentCodes.contains(entry.oldCode())) {
                return entry.oldCode();
            }
        }
        return null;
    }

    private int serviceIndex() {
        double roll = random.nextDouble(ServiceCatalogue.TOTAL_WEIGHT);
        for (int i = 0; i < ServiceCatalogue.SERVICES.size(); i++) {
            roll -= ServiceCatalogue.SERVICES.get(i).weight();
            if (roll < 0) {
                return i;
            }
        }
        return ServiceCatalogue.SERVICES.size() - 1;
    }

    private int satisfaction(double perf) {
        double roll = random.nextDouble() + 0.1 * perf;
        return roll > 0.55 ? 5 : roll > 0.25 ? 4 : roll > 0.1 ? 3 : roll > 0.04 ? 2 : 1;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private Defect pick(Defect... kinds) {
        return kinds[random.nextInt(kinds.length)];
    }

    private static int[] cumulative(int[] weights) {
        int[] sums = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            sums[i] = sum;
        }
        return sums;
    }

    private static String csvSafe(String text) {
        return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
