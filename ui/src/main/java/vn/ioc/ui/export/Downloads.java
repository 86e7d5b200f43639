package vn.ioc.ui.export;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Links that download a file written when clicked. */
public final class Downloads {
    public static final String CSV = "text/csv;charset=UTF-8";
    public static final String PDF = "application/pdf";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PNG = "image/png";

    /** Writes a file to the browser. */
    @FunctionalInterface
    public interface FileWriter {
        void write(OutputStream out) throws IOException;
    }

    private Downloads() {
    }

    /**
     * The CSV and XLSX downloads of a table (made when clicked), labelled in the reader's language; ids {@code <id>-csv},
     * {@code <id>-xlsx}. {@code simulated}: what every row says of its data when it is simulated.
     */
    public static List<Anchor> table(Texts texts, Optional<String> simulated, String id, String fileBase, Supplier<Table> table) {
        Supplier<Table> labelled = () -> simulated.map(table.get()::withDataColumn).orElseGet(table);
        return List.of(link(id + "-csv", texts.get("export.csv"), fileBase + ".csv", CSV, out -> labelled.get().csv(out)),
                link(id + "-xlsx", texts.get("export.xlsx"), fileBase + ".xlsx", XLSX, out -> labelled.get().xlsx(out)));
    }

    public static Anchor link(String id, String label, String fileName, String contentType, FileWriter writer) {
        Anchor link = new Anchor((DownloadHandler) download -> {
            download.setFileName(fileName);
            download.setContentType(contentType);
            writer.write(download.getOutputStream());
        }, label);
        link.setId(id);
        return link;
    }
}
