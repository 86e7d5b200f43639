package vn.ioc.ui.planning;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StockFileTest {
    private static final Set<String> SITES = Set.of("00004", "00008", "26734");

    private static Map<String, SiteStock> read(byte[] content) {
        return StockFile.read("kho.csv", new ByteArrayInputStream(content), SITES);
    }

    private static Map<String, SiteStock> read(String content) {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String content) {
        return assertThrows(StockFile.RefusedException.class, () -> read(content)).getMessage();
    }

    @Test
    void readsHeldAndCapacityInAnyColumnOrderWithOrWithoutAByteOrderMark() {
        Map<String, SiteStock> stock = read("\uFEFFcapacity,code,held\n500,00004,20\n,26734,0\n\n");
        assertEquals(new SiteStock("00004", 20, OptionalLong.of(500)), stock.get("00004"));
        assertEquals(new SiteStock("26734", 0, OptionalLong.empty()), stock.get("26734"));
        assertEquals(2, stock.size());
        assertEquals(Set.of("00008"), read("code,held\n8,3\n").keySet(), "leading zeros a spreadsheet dropped are put back");
    }

    @Test
    void everyProblemIsNamedByLineAndColumnAndNothingIsTaken() {
        String message = refusal("code,held,capacity\n00004,-1,\n99999,0,10\n00008,30,20\n00008,1,\n26734,x\n");
        assertTrue(message.startsWith("4 problem(s), nothing taken"), message);
        for (String expected : new String[] {"kho.csv line 2, column held: '-1' is not a whole number", "kho.csv line 3, column code: '99999'",
                "kho.csv line 4, column held: 30 doses held are more than the capacity of 20", "kho.csv line 6: 2 fields where the header has 3"}) {
            assertTrue(message.contains(expected), expected + " in: " + message);
        }
        assertTrue(refusal("code,held\n00004,1\n00004,2\n").contains("line 3, column code: site 00004 is listed twice"));
        assertTrue(refusal("ma,ton\n00004,1\n").contains("missing code, held"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAsSuch() {
        byte[] latin1 = "code,held,note\n00004,1,Hà\n".getBytes(StandardCharsets.ISO_8859_1);
        String message = assertThrows(StockFile.RefusedException.class, () -> read(latin1)).getMessage();
        assertTrue(message.contains("kho.csv: not UTF-8"), message);
    }
}
