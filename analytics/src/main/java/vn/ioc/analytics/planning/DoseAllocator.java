package vn.ioc.analytics.planning;

import vn.ioc.analytics.planning.AllocationRefusedException.Reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Shares the doses available among sites, in whole packs, within each site's storage room, allocating exactly the
 * doses available or saying why it cannot. Proportional methods use largest remainders in packs, handing what a full
 * site cannot take to the others in the same proportion; the equity method gives each pack to the site with the
 * lowest projected coverage that has room.
 */
public final class DoseAllocator {
    private DoseAllocator() {
    }

    public static DoseAllocation allocate(AllocationMethod method, long doses, int packSize, List<VaccinationSite> sites) {
        if (packSize < 1) {
            throw new AllocationRefusedException(Reason.BAD_PACK, "the pack size must be at least 1 dose, got " + packSize, packSize);
        }
        if (doses < 0 || doses % packSize != 0) {
            long below = Math.max(0, doses) / packSize * packSize;
            throw new AllocationRefusedException(Reason.NOT_WHOLE_PACKS, doses + " doses cannot be sent in whole packs of " + packSize
                    + ": allocate a multiple of the pack size (" + below + " or " + (below + packSize) + ")", doses, packSize, below, below + packSize);
        }
        if (sites.isEmpty()) {
            throw new AllocationRefusedException(Reason.NO_SITES, "no sites to allocate doses to");
        }
        long[] roomInPacks = sites.stream().mapToLong(site -> site.room() == Long.MAX_VALUE ? Long.MAX_VALUE : site.room() / packSize).toArray();
        long packs = doses / packSize;
        long totalRoom = 0;
        for (long room : roomInPacks) {
            totalRoom = room == Long.MAX_VALUE || totalRoom == Long.MAX_VALUE ? Long.MAX_VALUE : totalRoom + room;
        }
        if (packs > totalRoom) {
            throw new AllocationRefusedException(Reason.OVER_CAPACITY, doses + " doses are more than the sites can store in whole packs of "
                    + packSize + " (" + totalRoom * packSize + " doses of room)", doses, packSize, totalRoom * packSize);
        }
        long[] given = switch (method) {
            case POPULATION -> proportional(sites.stream().mapToDouble(VaccinationSite::targetResidents).toArray(), packs, roomInPacks);
            case NEED -> proportional(sites.stream().mapToDouble(VaccinationSite::need).toArray(), packs, roomInPacks);
            case EQUITY -> lowestCoverageFirst(sites, packs, packSize, roomInPacks);
        };
        List<SiteAllocation> allocations = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            allocations.add(SiteAllocation.of(sites.get(i), given[i] * packSize));
        }
        return new DoseAllocation(method, doses, packSize, allocations);
    }

    /** Packs in proportion to the weights (largest remainders), capped by room; what capped sites cannot take goes round again. */
    private static long[] proportional(double[] weights, long packs, long[] room) {
        int n = weights.length;
        long[] given = new long[n];
        long left = packs;
        while (left > 0) {
            List<Integer> open = new ArrayList<>();
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (given[i] < room[i]) {
                    open.add(i);
                    total += weights[i];
                }
            }
            double sum = total;
            double[] share = new double[n];
            for (int i : open) {
                // Sites weigh nothing (no residents, no need) only when all do: then they share alike.
                share[i] = sum > 0 ? left * weights[i] / sum : (double) left / open.size();
            }
            long handed = 0;
            for (int i : open) {
                long whole = Math.min((long) Math.floor(share[i]), room[i] - given[i]);
                given[i] += whole;
                handed += whole;
            }
            List<Integer> byRemainder = new ArrayList<>(open.stream().filter(i -> given[i] < room[i]).toList());
            byRemainder.sort(Comparator.comparingDouble((Integer i) -> -(share[i] - Math.floor(share[i]))).thenComparing(i -> i));
            long rest = left - handed;
            for (int i : byRemainder) {
                if (rest == 0) {
                    break;
                }
                if (share[i] - Math.floor(share[i]) > 0 || handed == 0) {
                    given[i]++;
                    rest--;
                }
            }
            left = rest;
        }
        return given;
    }

    /** One pack at a time to the site whose coverage after delivery is lowest (ties: the larger need, then list order). */
    private static long[] lowestCoverageFirst(List<VaccinationSite> sites, long packs, int packSize, long[] room) {
        long[] given = new long[sites.size()];
        Comparator<Integer> lowest = Comparator.comparingDouble((Integer i) -> sites.get(i).coverageWith(given[i] * packSize))
                .thenComparing(i -> -(sites.get(i).need() - given[i] * packSize)).thenComparing(i -> i);
        PriorityQueue<Integer> queue = new PriorityQueue<>(lowest);
        for (int i = 0; i < sites.size(); i++) {
            if (room[i] > 0) {
                queue.add(i);
            }
        }
        for (long pack = 0; pack < packs; pack++) {
            int site = queue.poll();
            given[site]++;
            if (given[site] < room[site]) {
                queue.add(site);
            }
        }
        return given;
    }
}
