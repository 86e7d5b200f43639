package vn.ioc.datasets.units;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ioc.warehouse.npm.NpmPackageCache;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceUnitsTest {
    private static AddressDatabase addresses;

    @BeforeAll
    static void fetch() {
        addresses = AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println));
    }

    @Test
    void theNpmPackageAloneGivesTheRealUnits() {
        ReferenceUnits units = ReferenceUnits.build(addresses, Optional.empty());
        assertEquals(34, units.provinces().size());
        assertEquals(3321, units.communes().size());
        assertFalse(units.calibrated());
        Set<String> provinceCodes = units.provinces().stream().map(Province::code).collect(Collectors.toSet());
        assertTrue(units.communes().stream().allMatch(c -> provinceCodes.contains(c.provinceCode())), "every commune lies in a province");
        Province hanoi = units.provinces().getFirst();
        assertEquals("01", hanoi.code());
        assertEquals("Thành phố Hà Nội", hanoi.fullName());
        assertEquals("Hà Nội", hanoi.name());
        Commune baDinh = units.communes().stream().filter(c -> c.code().equals("00004")).findFirst().orElseThrow();
        assertEquals("Phường Ba Đình", baDinh.fullName());
        assertEquals(CommuneType.PHUONG, baDinh.type());
        assertEquals("Ba Dinh", baDinh.nameEn());
        assertTrue(units.communes().stream().allMatch(c -> Normalizer.isNormalized(c.fullName(), Normalizer.Form.NFC)));
        assertEquals(ReferenceUnits.NATIONAL_POPULATION_2024, units.communes().stream().mapToLong(Commune::population).sum());
    }

    @Test
    void theSharedReferenceDataCalibratesAndCompletesThem() {
        Optional<SharedReferenceData> shared = SharedReferenceData.locate(Optional.empty());
        org.junit.jupiter.api.Assumptions.assumeTrue(shared.isPresent(), "../shared/datasets is not beside the project");
        ReferenceUnits units = ReferenceUnits.build(addresses, shared);
        assertTrue(units.calibrated());
        assertEquals(101_343_900L, units.provinces().stream().mapToLong(Province::population).sum());
        Map<String, Long> communeTotals = units.communes().stream()
                .collect(Collectors.groupingBy(Commune::provinceCode, Collectors.summingLong(Commune::population)));
        units.provinces().forEach(p -> assertEquals(p.population(), communeTotals.get(p.code()), p.fullName()));
        assertEquals("Hanoi", units.provinces().getFirst().nameEn());
        Province dongNai = units.provinces().stream().filter(p -> p.code().equals("75")).findFirst().orElseThrow();
        assertEquals("Thành phố Đồng Nai", dongNai.fullName(), "the 2026 changes apply where the reference data has them");
        Map<CommuneType, Long> types = units.communes().stream().collect(Collectors.groupingBy(Commune::type, Collectors.counting()));
        assertEquals(Map.of(CommuneType.XA, 2611L, CommuneType.PHUONG, 697L, CommuneType.DAC_KHU, 13L), types);
        assertTrue(units.communes().stream().allMatch(c -> c.population() > 0));

        long oldCommunes = units.crosswalk().stream().map(CrosswalkEntry::oldCode).distinct().count();
        assertEquals(10_035, oldCommunes, "every pre-reform commune is mapped or explicitly unmapped");
        Set<String> current = units.communes().stream().map(Commune::code).collect(Collectors.toSet());
        assertTrue(units.crosswalk().stream().filter(e -> e.status().mapped()).allMatch(e -> current.contains(e.newCode())));
        long byName = units.crosswalk().stream().filter(e -> e.status() == CrosswalkEntry.Status.MAPPED_BY_NAME).count();
        long unmapped = units.crosswalk().stream().filter(e -> e.status() == CrosswalkEntry.Status.UNMAPPED).count();
        System.out.printf("crosswalk: %d entries, %d mapped by name, %d unmapped%n", units.crosswalk().size(), byName, unmapped);
        assertTrue(unmapped < 200, "unmapped " + unmapped);
    }

    @Test
    void apportionsExactly() {
        assertArrayEquals(new long[]{34, 33, 33}, ReferenceUnits.apportion(100, new long[]{1, 1, 1}));
        assertArrayEquals(new long[]{0, 0}, ReferenceUnits.apportion(5, new long[]{0, 0}));
        long[] parts = ReferenceUnits.apportion(1_000_003, new long[]{7, 13, 29, 51});
        assertEquals(1_000_003, java.util.Arrays.stream(parts).sum());
    }
}
