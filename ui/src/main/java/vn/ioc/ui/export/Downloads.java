package vn.ioc.ui.export;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;

import java.io.IOException;
import java.io.OutputStream;

/** Links that download a file written when clicked. */
public final class Downloads {
    public static final String CSV = "text/csv;charset=UTF-8";
    public static final String PDF = "application/pdf";

    /** Writes a file to the browser. */
    @FunctionalInterface
    public interface FileWriter {
        void write(OutputStream out) throws IOException;
    }

    private Downloads() {
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
