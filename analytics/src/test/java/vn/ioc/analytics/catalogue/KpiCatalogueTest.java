package vn.ioc.analytics.catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KpiCatalogueTest {
    private static final String GOOD = """
            {"id": "services.on_time_rate", "domain": "services",
             "name": {"vi": "Tỷ lệ đúng hạn", "en": "On time"}, "definition": {"vi": "Đúng hạn / đã giải quyết", "en": "On time / resolved"},
             "numerator": {"fact": "services", "value": "sum(resolved_on_time)"},
             "denominator": {"fact": "services", "value": "sum(resolved)", "where": "channel = 'trực tuyến'"},
             "factor": 100, "unit": "%", "direction": "higher", "targets": {"2026": 95},
             "thresholds": {"green": 95, "amber": 85}, "breakdowns": ["service"], "plausible": {"min": 0, "max": 100},
             "source": {"vi": "766/QĐ-TTg", "en": "766/QĐ-TTg"}}""";

    private static KpiCatalogue read(String... kpis) {
        String json = "{\"kpis\": [" + String.join(",", kpis) + "]}";
        return KpiCatalogue.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void theStandardCatalogueHasAtLeast25KpisInEachOfTheFourDomains() {
        KpiCatalogue catalogue = KpiCatalogue.standard();
        assertTrue(catalogue.all().size() >= 25, catalogue.all().size() + " KPIs");
        Map<String, Long> byDomain = catalogue.all().stream().collect(Collectors.groupingBy(Kpi::domain, Collectors.counting()));
        assertEquals(4, byDomain.size(), byDomain.toString());
        byDomain.forEach((domain, count) -> assertTrue(count >= 5, domain + ": " + count));
        Kpi card = catalogue.kpi("population.id_card_rate_14plus");
        assertEquals("Tỷ lệ cấp thẻ căn cước công dân từ 14 tuổi", card.name().vi());
        assertEquals(Status.GREEN, card.status(96.0));
        assertEquals(Status.AMBER, card.status(90.0));
        assertEquals(Status.RED, card.status(50.0));
        assertEquals(Status.GREEN, catalogue.kpi("vaccination.dtp_dropout").status(4.0), "lower is better");
        assertEquals(Status.RED, catalogue.kpi("vaccination.dtp_dropout").status(25.0));
    }

    @Test
    void aGoodEntryIsRead() {
        Kpi kpi = read(GOOD).kpi("services.on_time_rate");
        assertEquals(Fact.SERVICES, kpi.numerator().fact());
        assertEquals(Window.PERIOD, kpi.numerator().window());
        assertEquals(95.0, kpi.target(2026).orElseThrow());
        assertTrue(kpi.plausible().contains(100) && !kpi.plausible().contains(100.1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sum(resolved_on_time)|sum(bogus)|numerator.value 'bogus' is not a column of service_facts",
            "\"en\": \"On time\"|\"en\": \"\"|name needs both vi and en",
            "\"green\": 95|\"green\": 80|thresholds green (80.0) must be better than amber (85.0)",
            "\"fact\": \"services\", \"value\": \"sum(resolved_on_time)\"|\"fact\": \"nowhere\", \"value\": \"sum(x)\"|Cannot deserialize",
            "[\"service\"]|[\"sex\"]|breakdowns 'sex' is not a dimension of service_facts",
            "\"direction\": \"higher\"|\"direction\": \"sideways\"|sideways",
            "sum(resolved)\", \"where\"|sum(resolved); DROP TABLE x\", \"where\"|has characters an aggregate expression does not need",
            "\"domain\": \"services\"|\"domain\": \"weather\"|domain is not one of",
            "\"factor\": 100|\"factor\": 0|factor is missing or not positive",
            "\"plausible\": {\"min\": 0, \"max\": 100},|\"plausible\": {\"min\": 100, \"max\": 0},|plausible min must be below max",
            "\"plausible\": {\"min\": 0, \"max\": 100},|''|plausible is required",
    })
    void aBrokenEntryIsNamedWithItsField(String good, String bad, String message) {
        CatalogueException error = assertThrows(CatalogueException.class, () -> read(GOOD.replace(good, bad)));
        assertTrue(error.getMessage().startsWith("test.json: KPI 'services.on_time_rate': "), error.getMessage());
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    @Test
    void idsAreUniqueAndCommuneSharesNameAKnownKpi() {
        assertTrue(assertThrows(CatalogueException.class, () -> read(GOOD, GOOD)).getMessage().contains("id is used twice"));
        String share = """
                {"id": "services.share", "domain": "services", "name": {"vi": "a", "en": "a"}, "definition": {"vi": "a", "en": "a"},
                 "communeShare": {"kpi": "services.missing", "bar": 80}, "factor": 100, "unit": "%", "direction": "higher",
                 "plausible": {"min": 0, "max": 100}, "source": {"vi": "s", "en": "s"}}""";
        assertTrue(assertThrows(CatalogueException.class, () -> read(GOOD, share)).getMessage()
                .contains("KPI 'services.share': communeShare.kpi 'services.missing' is not in the catalogue"));
        assertTrue(assertThrows(CatalogueException.class, () -> read("{nope")).getMessage().contains("test.json"));
    }
}
