package vn.ioc.ui.export;

import java.util.ArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table to download, of plain values (text, numbers, yes/no; null for none): as CSV (UTF-8 with a byte-order mark,
 * so that spreadsheets read the diacritics; numbers with a dot) or as an XLSX sheet (numbers as numbers, the header
 * frozen).
 */
public record Table(String name, List<String> header, List<? extends List<?>> rows) {
    private static final int LONGEST_SHEET_NAME = 31;

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The table with a last column {@code data} saying, on every row, what its data is ("Dữ liệu mô phỏng · mẫu 1 %"). */
    public Table withDataColumn(String note) {
        List<String> withData = new ArrayList<>(header);
        withData.add("data");
        return new Table(name, withData, rows.stream().map(row -> {
            List<Object> values = new ArrayList<>(row);
            values.add(note);
            return values;
        }).toList());
    }

    public void csv(OutputStream out) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<?> row : rows) {
                csv.printRecord(row);
            }
        }
    }

    public void xlsx(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "IOC", "1.0");
        Worksheet sheet = workbook.newWorksheet(name.length() <= LONGEST_SHEET_NAME ? name : name.substring(0, LONGEST_SHEET_NAME));
        for (int column = 0; column < header.size(); column++) {
            sheet.value(0, column, header.get(column));
            sheet.style(0, column).bold().set();
        }
        for (int row = 0; row < rows.size(); row++) {
            List<?> values = rows.get(row);
            for (int column = 0; column < values.size(); column++) {
                switch (values.get(column)) {
                    case null -> { }
                    case Number number -> sheet.value(row + 1, column, number);
                    case Boolean yes -> sheet.value(row + 1, column, yes);
                    case Object other -> sheet.value(row + 1, column, other.toString());
                }
            }
        }
        sheet.freezePane(0, 1);
        workbook.finish();
    }
}
