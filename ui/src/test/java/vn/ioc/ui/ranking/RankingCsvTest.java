package vn.ioc.ui.ranking;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CSV export: a BOM for spreadsheets, Vietnamese names intact (NFC), plain numbers, one line per unit. */
class RankingCsvTest {
    @Test
    void rowsAreWrittenWithTheirNamesAndFigures() throws Exception {
        Unit hanoi = new Unit(UnitLevel.PROVINCE, "01", "Hà Nội", "Hanoi", "Thành phố", "01", Set.of());
        Unit hue = new Unit(UnitLevel.PROVINCE, "46", "Huế", "Hue", "Thành phố", "46", Set.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RankingCsv.write(List.of(new RankingRow(hanoi, 1, 2, 97.5, 96.0, 1.5, Status.GREEN), new RankingRow(hue, null, null, null, null, null, Status.NONE)),
                "population.verified_rate", "2026-10", out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertEquals('\uFEFF', csv.charAt(0));
        assertEquals(List.of(
                "indicator,period,rank,rank_change,unit_code,unit_name,value,previous_value,change,status",
                "population.verified_rate,2026-10,1,2,01,Hà Nội,97.5,96.0,1.5,GREEN",
                "population.verified_rate,2026-10,,,46,Huế,,,,NONE"), csv.substring(1).lines().toList());
    }
}
