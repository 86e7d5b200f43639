package vn.ioc.ui.ranking;

import vn.ioc.ui.export.CsvExport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/** A ranking as CSV, one line per unit. */
public final class RankingCsv {
    private RankingCsv() {
    }

    public static void write(List<RankingRow> rows, String indicator, String period, OutputStream out) throws IOException {
        CsvExport.write(List.of("indicator", "period", "rank", "rank_change", "unit_code", "unit_name", "value", "previous_value", "change", "status"),
                rows.stream().map(row -> Arrays.asList(indicator, period, row.rank(), row.rankChange(), row.unit().code(), row.unit().name(),
                        row.value(), row.previousValue(), row.change(), row.status())).toList(), out);
    }
}
