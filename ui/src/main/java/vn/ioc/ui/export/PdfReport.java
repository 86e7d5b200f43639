package vn.ioc.ui.export;

import org.jfree.chart.JFreeChart;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontMapper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * A printable report (A4 landscape): a title, lines of text and tables, set in Liberation Sans embedded as Unicode,
 * so that every Vietnamese letter prints and can be searched and copied.
 */
public final class PdfReport implements AutoCloseable {
    private static final BaseFont SANS = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont SANS_BOLD = font("liberation/LiberationSans-Bold.ttf");
    private static final Color HEADER = new Color(0xE8, 0xEE, 0xF5);
    /** Backgrounds of cells that flag a shortfall (orange) or a surplus (blue). */
    public static final Color SHORT = new Color(0xFD, 0xE2, 0xC8);
    public static final Color OVER = new Color(0xD6, 0xE6, 0xF7);

    /** A cell's text and, if any, its background colour (for flags and statuses). */
    public record Cell(String text, Color background) {
        public static Cell of(Object value) {
            return new Cell(value == null ? "" : value.toString(), null);
        }
    }

    /** Every font a chart asks for, as the report's own (so that charts print Vietnamese too). */
    private static final FontMapper FONTS = new FontMapper() {
        @Override
        public BaseFont awtToPdf(java.awt.Font font) {
            return font.isBold() ? SANS_BOLD : SANS;
        }

        @Override
        public java.awt.Font pdfToAwt(BaseFont font, int size) {
            return new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, size);
        }
    };

    private final Document document;
    private final PdfWriter writer;

    private PdfReport(OutputStream out) {
        document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        writer = PdfWriter.getInstance(document, Objects.requireNonNull(out, "out"));
        document.open();
    }

    /** Starts a report with its title and subtitle (what, where, when, with which assumptions). */
    public static PdfReport start(OutputStream out, String title, String subtitle) {
        PdfReport report = new PdfReport(out);
        report.add(new Paragraph(title, new Font(SANS_BOLD, 16)));
        report.line(subtitle);
        report.document.addTitle(title);
        return report;
    }

    public PdfReport line(String text) {
        Paragraph paragraph = new Paragraph(text, new Font(SANS, 10));
        paragraph.setSpacingAfter(4);
        return add(paragraph);
    }

    public PdfReport heading(String text) {
        Paragraph paragraph = new Paragraph(text, new Font(SANS_BOLD, 12));
        paragraph.setSpacingBefore(8);
        paragraph.setSpacingAfter(4);
        return add(paragraph);
    }

    /** A table with a header row repeated on every page; {@code numeric} columns are right-aligned. */
    public PdfReport table(List<String> header, List<List<Cell>> rows, float[] widths, boolean[] numeric) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        Font headerFont = new Font(SANS_BOLD, 8);
        Font bodyFont = new Font(SANS, 8);
        for (String name : header) {
            PdfPCell cell = new PdfPCell(new Phrase(name, headerFont));
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        for (List<Cell> row : rows) {
            for (int column = 0; column < row.size(); column++) {
                PdfPCell cell = new PdfPCell(new Phrase(row.get(column).text(), bodyFont));
                cell.setHorizontalAlignment(numeric[column] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                if (row.get(column).background() != null) {
                    cell.setBackgroundColor(row.get(column).background());
                }
                table.addCell(cell);
            }
        }
        return add(table);
    }

    /** Charts side by side, {@code columns} to a row, each drawn as vector graphics with the report's fonts. */
    public PdfReport charts(List<JFreeChart> charts, int columns, float width, float height) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        for (JFreeChart chart : charts) {
            PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
            Graphics2D graphics = template.createGraphics(width, height, FONTS);
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
            graphics.dispose();
            try {
                PdfPCell cell = new PdfPCell(Image.getInstance(template), true);
                cell.setBorder(PdfPCell.NO_BORDER);
                cell.setPadding(4);
                table.addCell(cell);
            } catch (DocumentException e) {
                throw new IllegalStateException("a chart could not be placed: " + e.getMessage(), e);
            }
        }
        table.completeRow();
        return add(table);
    }

    /** Small grey text under a table or charts: where their figures come from. */
    public PdfReport footnote(String text) {
        Paragraph paragraph = new Paragraph(text, new Font(SANS, 7, Font.NORMAL, new Color(0x55, 0x55, 0x55)));
        paragraph.setSpacingBefore(2);
        paragraph.setSpacingAfter(6);
        return add(paragraph);
    }

    public PdfReport newPage() {
        document.newPage();
        return this;
    }

    /** A line the reader must not miss (simulated data), in bold red. */
    public PdfReport notice(String text) {
        Paragraph paragraph = new Paragraph(text, new Font(SANS_BOLD, 11, Font.NORMAL, new Color(0xB0, 0x1E, 0x1E)));
        paragraph.setSpacingAfter(6);
        return add(paragraph);
    }

    /** Big text, for a cover. */
    public PdfReport banner(String text, float size) {
        Paragraph paragraph = new Paragraph(text, new Font(SANS_BOLD, size));
        paragraph.setSpacingAfter(size / 2);
        return add(paragraph);
    }

    private PdfReport add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException("the report could not be laid out: " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public void close() {
        document.close();
    }

    private static BaseFont font(String resource) {
        try (InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the class path (openpdf-fonts-extra)");
            }
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("font " + resource + " could not be read", e);
        }
    }
}
