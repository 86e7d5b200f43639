package vn.ioc.ui.planning;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A planner's stock file, CSV in UTF-8: a header naming the columns {@code code}, {@code held} and (optionally)
 * {@code capacity}, then one line per site; a blank capacity means no limit. Every problem is reported with the file,
 * line and column, and a file with any problem is refused whole.
 */
public final class StockFile {
    private static final int PROBLEMS_SHOWN = 10;

    private StockFile() {
    }

    /** Thrown when a stock file is refused; the message lists its problems. */
    public static final class RefusedException extends IllegalArgumentException {
        RefusedException(String message) {
            super(message);
        }
    }

    public static Map<String, SiteStock> read(String fileName, InputStream in, Set<String> sites) {
        List<String> problems = new ArrayList<>();
        Map<String, SiteStock> stock = new LinkedHashMap<>();
        try (CSVParser csv = CSVParser.builder()
                .setReader(withoutByteOrderMark(in))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get())
                .get()) {
            List<String> missing = new ArrayList<>(List.of("code", "held"));
            missing.removeAll(csv.getHeaderNames());
            if (!missing.isEmpty()) {
                throw new RefusedException(fileName + ": the header must name the columns code, held and capacity (optional); missing "
                        + String.join(", ", missing) + ", found " + csv.getHeaderNames());
            }
            boolean hasCapacity = csv.getHeaderNames().contains("capacity");
            for (CSVRecord record : csv) {
                String where = fileName + " line " + csv.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    problems.add(where + ": " + record.size() + " fields where the header has " + csv.getHeaderNames().size());
                    continue;
                }
                String code = withLeadingZeros(record.get("code"), sites);
                if (!sites.contains(code)) {
                    problems.add(where + ", column code: '" + code + "' is not one of the sites planned for");
                    continue;
                }
                if (stock.containsKey(code)) {
                    problems.add(where + ", column code: site " + code + " is listed twice");
                    continue;
                }
                OptionalLong held = doses(record.get("held"), where, "held", problems);
                String capacityText = hasCapacity ? record.get("capacity") : "";
                OptionalLong capacity = capacityText.isEmpty() ? OptionalLong.empty() : doses(capacityText, where, "capacity", problems);
                if (held.isEmpty() || (!capacityText.isEmpty() && capacity.isEmpty())) {
                    continue;
                }
                if (capacity.isPresent() && held.getAsLong() > capacity.getAsLong()) {
                    problems.add(where + ", column held: " + held.getAsLong() + " doses held are more than the capacity of " + capacity.getAsLong());
                    continue;
                }
                stock.put(code, new SiteStock(code, held.getAsLong(), capacity));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new RefusedException(fileName + ": " + (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException
                    ? "not UTF-8 text (save it as CSV UTF-8)" : "could not be read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(problems.size() + " problem(s), nothing taken: " + String.join("; ", problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())))
                    + (problems.size() > PROBLEMS_SHOWN ? "; …" : ""));
        }
        return stock;
    }

    /** A code as spreadsheets write it, without its leading zeros ({@code 1} for Hà Nội's {@code 01}), made whole again. */
    private static String withLeadingZeros(String code, Set<String> sites) {
        if (sites.contains(code) || !code.matches("[0-9]+")) {
            return code;
        }
        return sites.stream().filter(site -> site.length() > code.length() && site.endsWith(code)
                && site.substring(0, site.length() - code.length()).chars().allMatch(c -> c == '0')).findFirst().orElse(code);
    }

    private static Reader withoutByteOrderMark(InputStream in) throws IOException {
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static OptionalLong doses(String text, String where, String column, List<String> problems) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return OptionalLong.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(where + ", column " + column + ": '" + text + "' is not a whole number of doses (0 or more)");
        return OptionalLong.empty();
    }
}
