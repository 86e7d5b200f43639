package vn.ioc.ui.ranking;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.ioc.analytics.units.Unit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A ranking as CSV: UTF-8 with a byte-order mark (so spreadsheets read the diacritics), plain numbers with a dot. */
public final class RankingCsv {
    private RankingCsv() {
    }

    public static void write(List<RankingRow> rows, String indicator, String period, OutputStream out) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader("indicator", "period", "rank", "rank_change", "unit_code", "unit_name", "value", "previous_value", "change", "status").get())) {
            for (RankingRow row : rows) {
                Unit unit = row.unit();
                csv.printRecord(indicator, period, row.rank(), row.rankChange(), unit.code(), unit.name(), row.value(), row.previousValue(),
                        row.change(), row.status());
            }
        }
    }
}
