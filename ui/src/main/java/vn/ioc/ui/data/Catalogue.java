package vn.ioc.ui.data;

import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.index.IndexDefinition;
import vn.ioc.analytics.service.UnitRef;
import vn.ioc.analytics.units.PeerGroup;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** What the dashboard lists and looks up without asking the warehouse again: indicators, indices, units, peer groups. */
public record Catalogue(List<Kpi> kpis, List<IndexDefinition> indices, List<Unit> provinces, Map<String, Unit> communes,
                        Map<UnitLevel, List<PeerGroup>> peerGroups) {
    /** The order domains are shown in: people first, then what is done for them. */
    private static final List<String> DOMAINS = List.of("population", "vaccination", "education", "services");

    public Catalogue {
        kpis = kpis.stream().sorted(Comparator.comparingInt((Kpi kpi) -> DOMAINS.indexOf(kpi.domain()) < 0 ? DOMAINS.size() : DOMAINS.indexOf(kpi.domain())))
                .toList();
        indices = List.copyOf(indices);
        provinces = List.copyOf(provinces);
        communes = new LinkedHashMap<>(communes);
        peerGroups = Map.copyOf(peerGroups);
    }

    public Kpi kpi(String id) {
        return kpis.stream().filter(kpi -> kpi.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no indicator '" + id + "'"));
    }

    public Optional<IndexDefinition> index(String id) {
        return indices.stream().filter(index -> index.id().equals(id)).findFirst();
    }

    /** A unit by code: {@code VN}, a 2-digit province or a 5-digit commune. */
    public Unit unit(String code) {
        UnitRef ref = UnitRef.parse(code);
        Optional<Unit> unit = switch (ref.level()) {
            case NATION -> Optional.of(Unit.NATION);
            case PROVINCE -> provinces.stream().filter(province -> province.code().equals(ref.code())).findFirst();
            case COMMUNE -> Optional.ofNullable(communes.get(ref.code()));
        };
        return unit.orElseThrow(() -> new NoSuchElementException("no " + ref.level().name().toLowerCase(Locale.ROOT) + " with code " + ref.code()));
    }

    /** The unit one level up: a commune's province, a province's nation. */
    public Unit parent(Unit unit) {
        return switch (unit.level()) {
            case NATION, PROVINCE -> Unit.NATION;
            case COMMUNE -> unit(unit.provinceCode());
        };
    }
}
