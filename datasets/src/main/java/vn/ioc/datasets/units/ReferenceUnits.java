package vn.ioc.datasets.units;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The administrative units the product works on: the 34 provinces and 3,321 communes of the 2025
 * reform and the crosswalk from the pre-reform communes, from the npm address database, enriched with
 * the shared reference data where it is present (English names, unit types, NSO 2024 populations).
 *
 * @param calibrated whether populations come from NSO 2024 and commune statistics (else an even estimate)
 */
public record ReferenceUnits(List<Province> provinces, List<Commune> communes, List<CrosswalkEntry> crosswalk, boolean calibrated) {
    /** NSO's 2024 average population of Vietnam, the total an uncalibrated estimate spreads over the communes. */
    static final long NATIONAL_POPULATION_2024 = 101_343_900L;
    /** Below this the commune statistics hold obviously broken values (see PROVENANCE.md). */
    private static final long IMPLAUSIBLE_COMMUNE_POPULATION = 1_000;

    public ReferenceUnits {
        provinces = List.copyOf(provinces);
        communes = List.copyOf(communes);
        crosswalk = List.copyOf(crosswalk);
    }

    public static ReferenceUnits build(AddressDatabase addresses, Optional<SharedReferenceData> shared) {
        requireNonNull(addresses, "addresses");
        Map<String, SharedReferenceData.Row> provinceRows = shared.map(SharedReferenceData::provinces2026).orElse(Map.of());
        Map<String, SharedReferenceData.Row> communeRows = shared.map(SharedReferenceData::communes2026).orElse(Map.of());
        Map<String, SharedReferenceData.Row> provinceStats = shared.map(SharedReferenceData::provinceStatistics).orElse(Map.of());
        Map<String, SharedReferenceData.Row> communeStats = shared.map(SharedReferenceData::communeAreaAndPopulation).orElse(Map.of());
        boolean calibrated = !provinceStats.isEmpty() && !communeStats.isEmpty();

        Map<String, List<AddressDatabase.Row>> wardsByProvince = addresses.wards().stream()
                .collect(Collectors.groupingBy(AddressDatabase.Row::kind, LinkedHashMap::new, Collectors.toList()));
        List<AddressDatabase.Row> sortedProvinces = addresses.provinces().stream().sorted(Comparator.comparing(AddressDatabase.Row::code)).toList();
        long[] estimates = apportion(NATIONAL_POPULATION_2024, sortedProvinces.stream()
                .mapToLong(p -> wardsByProvince.getOrDefault(p.code(), List.of()).size()).toArray());
        List<Province> provinces = new ArrayList<>();
        List<Commune> communes = new ArrayList<>();
        for (int index = 0; index < sortedProvinces.size(); index++) {
            AddressDatabase.Row p = sortedProvinces.get(index);
            Optional<SharedReferenceData.Row> richer = Optional.ofNullable(provinceRows.get(p.code()));
            // The 2026 state (e.g. Đồng Nai a city since 30/2026/QH16) where the reference data has it.
            String unitType = richer.map(r -> r.get("unit_type")).orElse(p.kind().startsWith("Thành phố") ? "Thành phố" : "Tỉnh");
            String fullName = richer.map(r -> r.get("full_name"))
                    .orElse(p.name().startsWith(unitType + " ") ? p.name() : unitType + " " + p.name());
            String name = fullName.substring(unitType.length() + 1);
            List<AddressDatabase.Row> wards = wardsByProvince.getOrDefault(p.code(), List.of()).stream()
                    .sorted(Comparator.comparing(AddressDatabase.Row::code)).toList();
            long provincePopulation = calibrated && provinceStats.containsKey(p.code())
                    ? Long.parseLong(provinceStats.get(p.code()).get("population"))
                    : estimates[index];
            double area = provinceStats.containsKey(p.code()) ? Double.parseDouble(provinceStats.get(p.code()).get("area_km2")) : 0;
            provinces.add(new Province(p.code(), name, fullName,
                    richer.map(r -> r.get("name_en")).orElse(ascii(name)), unitType, provincePopulation, area));
            communes.addAll(communesOf(p.code(), wards, provincePopulation, communeRows, communeStats, calibrated));
        }
        List<CrosswalkEntry> crosswalk = crosswalk(addresses, provinces, communes, shared);
        return new ReferenceUnits(provinces, communes, crosswalk, calibrated);
    }

    private static List<Commune> communesOf(String provinceCode, List<AddressDatabase.Row> wards, long provincePopulation,
                                            Map<String, SharedReferenceData.Row> communeRows,
                                            Map<String, SharedReferenceData.Row> communeStats, boolean calibrated) {
        // Weights: the commune's own population where it is plausible, else the province's median; then
        // scaled so that the communes add up to the province exactly (largest remainder).
        long[] weights = new long[wards.size()];
        List<Long> plausible = new ArrayList<>();
        for (int i = 0; i < wards.size(); i++) {
            SharedReferenceData.Row stats = communeStats.get(wards.get(i).code());
            long population = stats == null || stats.get("population").isEmpty() ? 0 : (long) Double.parseDouble(stats.get("population"));
            weights[i] = calibrated && population >= IMPLAUSIBLE_COMMUNE_POPULATION ? population : -1;
            if (weights[i] > 0) {
                plausible.add(weights[i]);
            }
        }
        long median = plausible.isEmpty() ? 1 : plausible.stream().sorted().toList().get(plausible.size() / 2);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                weights[i] = median;
            }
        }
        long[] populations = apportion(provincePopulation, weights);
        List<Commune> communes = new ArrayList<>();
        for (int i = 0; i < wards.size(); i++) {
            AddressDatabase.Row ward = wards.get(i);
            SharedReferenceData.Row richer = communeRows.get(ward.code());
            CommuneType type = CommuneType.ofFullName(ward.name()).orElseThrow(() ->
                    new IllegalStateException("commune " + ward.code() + " '" + ward.name() + "' has no known unit type (Xã, Phường, Đặc khu)"));
            String fullName = ward.name();
            Optional<CommuneType> type2026 = richer == null ? Optional.empty() : CommuneType.ofVietnamese(richer.get("unit_type"));
            if (type2026.isPresent() && type2026.get() != type) {
                // A 2026 change of status (xã to phường): the reference data's name and type win.
                type = type2026.get();
                fullName = richer.get("full_name");
            }
            String name = fullName.substring(type.vietnamese().length() + 1);
            SharedReferenceData.Row stats = communeStats.get(ward.code());
            double area = stats == null || stats.get("area_km2").isEmpty() ? 0 : Double.parseDouble(stats.get("area_km2"));
            communes.add(new Commune(ward.code(), name, fullName, richer == null ? ascii(name) : richer.get("name_en"),
                    type, provinceCode, populations[i], area));
        }
        return communes;
    }

    /** Splits {@code total} in proportion to {@code weights}, rounding so that the parts add up exactly. */
    static long[] apportion(long total, long[] weights) {
        long sum = 0;
        for (long weight : weights) {
            sum += weight;
        }
        long[] parts = new long[weights.length];
        if (sum == 0) {
            return parts;
        }
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = (double) total * weights[i] / sum;
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int k = 0; given < total; k = (k + 1) % order.length) {
            parts[order[k]]++;
            given++;
        }
        return parts;
    }

    private static List<CrosswalkEntry> crosswalk(AddressDatabase addresses, List<Province> provinces, List<Commune> communes,
                                                  Optional<SharedReferenceData> shared) {
        Map<String, Commune> byCode = communes.stream().collect(Collectors.toMap(Commune::code, c -> c));
        Map<String, String> provinceByName = new HashMap<>();
        provinces.forEach(p -> {
            provinceByName.put(fold(p.name()), p.code());
            provinceByName.put(fold(p.fullName()), p.code());
        });
        Map<String, List<Commune>> byName = communes.stream().collect(Collectors.groupingBy(c -> c.provinceCode() + "|" + fold(c.fullName())));
        List<AddressDatabase.Mapping> mappings = addresses.mappings().stream().filter(m -> !m.oldCode().isEmpty()).toList();
        Map<String, Long> targetsPerOld = mappings.stream().collect(Collectors.groupingBy(AddressDatabase.Mapping::oldCode, Collectors.counting()));

        record Resolved(AddressDatabase.Mapping mapping, Commune target, CrosswalkEntry.Status status) {
        }
        List<Resolved> resolved = new ArrayList<>();
        for (AddressDatabase.Mapping m : mappings) {
            Commune target = byCode.get(m.newCode());
            CrosswalkEntry.Status status = CrosswalkEntry.Status.MAPPED;
            if (target == null) {
                String province = provinceByName.get(fold(m.newProvince()));
                List<Commune> named = province == null ? List.of() : byName.getOrDefault(province + "|" + fold(m.newName()), List.of());
                target = named.size() == 1 ? named.getFirst() : null;
                status = target == null ? CrosswalkEntry.Status.UNMAPPED : CrosswalkEntry.Status.MAPPED_BY_NAME;
            }
            resolved.add(new Resolved(m, target, status));
        }
        Map<String, Long> oldPartsPerNew = resolved.stream().filter(r -> r.target() != null)
                .collect(Collectors.groupingBy(r -> r.target().code(), Collectors.counting()));
        Map<String, SharedReferenceData.Row> preReform = shared.map(SharedReferenceData::communesPreReform).orElse(Map.of());
        List<CrosswalkEntry> entries = new ArrayList<>();
        for (Resolved r : resolved) {
            AddressDatabase.Mapping m = r.mapping();
            String newCode = r.target() == null ? "" : r.target().code();
            SharedReferenceData.Row old = preReform.get(m.oldCode());
            entries.add(new CrosswalkEntry(m.oldCode(), m.oldName(), m.oldDistrict(), m.oldProvince(),
                    old == null ? "" : old.get("province_code"), newCode,
                    r.target() == null ? "" : r.target().provinceCode(), 1.0 / targetsPerOld.get(m.oldCode()),
                    r.target() == null ? 0 : Math.toIntExact(oldPartsPerNew.get(newCode)), r.status()));
        }
        // Pre-reform communes the crosswalk leaves out are listed as explicitly unmapped.
        preReform.forEach((code, row) -> {
            if (!targetsPerOld.containsKey(code)) {
                entries.add(new CrosswalkEntry(code, row.get("full_name"), "", "", row.get("province_code"), "", "", 1.0, 0,
                        CrosswalkEntry.Status.UNMAPPED));
            }
        });
        entries.sort(Comparator.comparing(CrosswalkEntry::oldCode).thenComparing(CrosswalkEntry::newCode));
        return entries;
    }

    /** For matching names written with either tone-mark convention (Hòa / Hoà) and any case. */
    static String fold(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).strip();
    }

    /** An English rendering of a Vietnamese name where no curated one is at hand: the name without diacritics. */
    static String ascii(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D');
    }

    public Map<String, List<Commune>> communesByProvince() {
        return communes.stream().collect(Collectors.groupingBy(Commune::provinceCode, LinkedHashMap::new, Collectors.toList()));
    }
}
