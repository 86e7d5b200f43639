package vn.ioc.analytics.planning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoseAllocatorTest {
    private static VaccinationSite site(String code, long target, long covered, long held, Long capacity) {
        return new VaccinationSite(code, "Xã " + code, target, covered, held, capacity == null ? OptionalLong.empty() : OptionalLong.of(capacity));
    }

    private static List<Long> doses(DoseAllocation allocation) {
        return allocation.sites().stream().map(SiteAllocation::doses).toList();
    }

    @Test
    void proportionalMethodsFollowTheirWeightsInWholePacks() {
        List<VaccinationSite> sites = List.of(site("A", 100, 0, 0, null), site("B", 300, 200, 0, null));
        assertEquals(List.of(10L, 30L), doses(DoseAllocator.allocate(AllocationMethod.POPULATION, 40, 10, sites)));
        assertEquals(List.of(20L, 20L), doses(DoseAllocator.allocate(AllocationMethod.NEED, 40, 10, sites)), "needs 100 and 100");
        DoseAllocation equity = DoseAllocator.allocate(AllocationMethod.EQUITY, 40, 10, sites);
        assertEquals(List.of(40L, 0L), doses(equity), "A at 0 % is raised before B at 66.7 %");
        assertEquals(40.0, equity.sites().getFirst().projectedCoverage(), 1e-9);
        assertEquals(60, equity.sites().getFirst().shortage());
    }

    @Test
    void whatAFullSiteCannotTakeGoesToTheOthers() {
        List<VaccinationSite> sites = List.of(site("A", 1000, 0, 0, 20L), site("B", 1000, 0, 0, null), site("C", 2000, 0, 0, null));
        DoseAllocation allocation = DoseAllocator.allocate(AllocationMethod.POPULATION, 400, 10, sites);
        assertEquals(List.of(20L, 130L, 250L), doses(allocation), "A full at 20; B and C share the other 380 as 1:2 in packs of 10");
        assertEquals(400, allocation.allocated());
    }

    @Test
    void everyMethodAllocatesExactlyInPacksWithinRoomAndEquityLiftsTheLowestMost() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int pack = 1 + random.nextInt(20);
            List<VaccinationSite> sites = new ArrayList<>();
            long room = 0;
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                long target = random.nextInt(3) == 0 ? 0 : random.nextInt(5000);
                long covered = target == 0 ? 0 : random.nextLong(target + 1);
                long held = random.nextInt(200);
                Long capacity = random.nextBoolean() ? null : held + random.nextInt(3000);
                sites.add(site("S" + i, target, covered, held, capacity));
                room = capacity == null || room == Long.MAX_VALUE ? Long.MAX_VALUE : room + (capacity - held) / pack;
            }
            long packs = random.nextInt((int) Math.min(400, room == Long.MAX_VALUE ? 400 : room) + 1);
            double equityMinimum = DoseAllocator.allocate(AllocationMethod.EQUITY, packs * pack, pack, sites).minimumCoverage();
            for (AllocationMethod method : AllocationMethod.values()) {
                DoseAllocation allocation = DoseAllocator.allocate(method, packs * pack, pack, sites);
                assertEquals(packs * pack, allocation.allocated(), method + " allocates exactly the doses available");
                for (SiteAllocation site : allocation.sites()) {
                    assertEquals(0, site.doses() % pack, method + " sends whole packs");
                    assertTrue(site.doses() <= site.site().room(), method + " stays within " + site.site().code() + "'s room");
                }
                assertTrue(equityMinimum >= allocation.minimumCoverage() - 1e-9, "equity's minimum coverage is never below " + method + "'s");
            }
        }
    }

    @Test
    void equityReachesTheBestMinimumCoverageABruteForceFinds() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int pack = 1 + random.nextInt(5);
            List<VaccinationSite> sites = new ArrayList<>();
            for (int i = 0; i < 2 + random.nextInt(3); i++) {
                long target = 1 + random.nextInt(40);
                sites.add(site("S" + i, target, random.nextLong(target + 1), random.nextInt(3), random.nextBoolean() ? null : 3L + random.nextInt(20)));
            }
            long[] room = sites.stream().mapToLong(site -> Math.min(12, site.room() / pack)).toArray();
            int packs = random.nextInt(9);
            if (packs > java.util.Arrays.stream(room).sum()) {
                continue;
            }
            double best = bestMinimum(sites, room, pack, packs, 0, new long[sites.size()]);
            assertEquals(best, DoseAllocator.allocate(AllocationMethod.EQUITY, (long) packs * pack, pack, sites).minimumCoverage(), 1e-9, "round " + round);
        }
    }

    private static double bestMinimum(List<VaccinationSite> sites, long[] room, int pack, int left, int from, long[] given) {
        if (from == sites.size() - 1) {
            if (left > room[from]) {
                return -1;
            }
            given[from] = left;
            double minimum = Double.MAX_VALUE;
            for (int i = 0; i < sites.size(); i++) {
                minimum = Math.min(minimum, sites.get(i).coverageWith(given[i] * pack));
            }
            return minimum;
        }
        double best = -1;
        for (int packs = 0; packs <= Math.min(left, room[from]); packs++) {
            given[from] = packs;
            best = Math.max(best, bestMinimum(sites, room, pack, left - packs, from + 1, given));
        }
        return best;
    }

    @Test
    void impossibleRequestsSayWhy() {
        List<VaccinationSite> sites = List.of(site("A", 100, 0, 0, 50L));
        AllocationRefusedException packs = assertThrows(AllocationRefusedException.class, () -> DoseAllocator.allocate(AllocationMethod.NEED, 25, 10, sites));
        assertTrue(packs.getMessage().contains("whole packs of 10") && packs.getMessage().contains("20 or 30"), packs.getMessage());
        assertEquals(AllocationRefusedException.Reason.NOT_WHOLE_PACKS, packs.reason());
        assertEquals(List.of(25L, 10L, 20L, 30L), packs.figures());
        AllocationRefusedException room = assertThrows(AllocationRefusedException.class, () -> DoseAllocator.allocate(AllocationMethod.NEED, 60, 10, sites));
        assertTrue(room.getMessage().contains("50 doses of room"), room.getMessage());
        assertEquals(AllocationRefusedException.Reason.OVER_CAPACITY, room.reason());
        assertEquals(List.of(60L, 10L, 50L), room.figures());
        assertThrows(IllegalArgumentException.class, () -> site("B", 10, 0, 60, 50L), "holding more than it can store");
        assertThrows(IllegalArgumentException.class, () -> DoseAllocator.allocate(AllocationMethod.EQUITY, 10, 0, sites));
    }
}
