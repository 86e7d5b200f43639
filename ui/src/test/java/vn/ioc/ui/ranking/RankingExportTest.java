package vn.ioc.ui.ranking;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import vn.ioc.ui.export.Table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CSV export: a BOM for spreadsheets, Vietnamese names intact (NFC), plain numbers, one line per unit. */
class RankingExportTest {
    @Test
    void rowsAreWrittenWithTheirNamesAndFigures() throws Exception {
        Unit hanoi = new Unit(UnitLevel.PROVINCE, "01", "Hà Nội", "Hanoi", "Thành phố", "01", Set.of());
        Unit hue = new Unit(UnitLevel.PROVINCE, "46", "Huế", "Hue", "Thành phố", "46", Set.of());
        Pace late = new Pace("population.verified_rate", "01", YearMonth.of(2026, 10), 97.5, 98.0, Optional.of(YearMonth.of(2026, 12)),
                Pace.Verdict.AT_RISK, 12, false, OptionalDouble.of(0.2), OptionalDouble.of(0.1), OptionalDouble.of(0.3),
                Optional.of(YearMonth.of(2027, 1)), Optional.of(1L), List.of());
        Table table = RankingTable.export(List.of(new RankingRow(hanoi, 1, 2, 97.5, 96.0, 1.5, Status.GREEN, late),
                new RankingRow(hue, null, null, null, null, null, Status.NONE, null)), "population.verified_rate", "2026-10");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.csv(out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertEquals('\uFEFF', csv.charAt(0));
        assertEquals(List.of(
                "indicator,period,rank,rank_change,unit_code,unit_name,value,previous_value,change,status,pace,target_reached_in,months_late",
                "population.verified_rate,2026-10,1,2,01,Hà Nội,97.5,96.0,1.5,GREEN,AT_RISK,2027-01,1",
                "population.verified_rate,2026-10,,,46,Huế,,,,NONE,,,"), csv.substring(1).lines().toList());

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        table.xlsx(xlsx);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals("population.verified_rate", workbook.getFirstSheet().getName());
            assertEquals(3, rows.size());
            assertEquals("unit_name", rows.get(0).getCellText(5));
            assertEquals("Hà Nội", rows.get(1).getCellText(5));
            assertEquals(CellType.NUMBER, rows.get(1).getCell(6).getType(), "numbers stay numbers");
            assertEquals(0, new BigDecimal("97.5").compareTo(rows.get(1).getCellAsNumber(6).orElseThrow()));
            assertEquals(CellType.EMPTY, rows.get(2).getCell(6) == null ? CellType.EMPTY : rows.get(2).getCell(6).getType(), "no value, no cell");
        }
    }

    /** Simulated figures carry their label on every line of a download, CSV and XLSX alike. */
    @Test
    void simulatedFiguresSaySoOnEveryLine() throws Exception {
        Unit hanoi = new Unit(UnitLevel.PROVINCE, "01", "Hà Nội", "Hanoi", "Thành phố", "01", Set.of());
        Table table = RankingTable.export(List.of(new RankingRow(hanoi, 1, 2, 97.5, 96.0, 1.5, Status.GREEN, null)), "population.verified_rate", "2026-10")
                .withDataColumn("Dữ liệu mô phỏng · mẫu 1 %");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.csv(out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals("indicator,period,rank,rank_change,unit_code,unit_name,value,previous_value,change,status,pace,target_reached_in,months_late,data",
                lines.get(0));
        assertEquals("population.verified_rate,2026-10,1,2,01,Hà Nội,97.5,96.0,1.5,GREEN,,,,Dữ liệu mô phỏng · mẫu 1 %", lines.get(1));
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        table.xlsx(xlsx);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals("data", rows.get(0).getCellText(13));
            assertEquals("Dữ liệu mô phỏng · mẫu 1 %", rows.get(1).getCellText(13));
        }
    }
}
