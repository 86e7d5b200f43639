package vn.ioc.warehouse.server;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlTextTest {

    @Test
    void findsWhereInsertDataStarts() {
        String text = "INSERT INTO t (a, b) SETTINGS async_insert=0 FORMAT CSV\n1,2\n";
        SqlText.InsertWithData insert = SqlText.lex(text).insertWithData().orElseThrow();
        assertEquals("INSERT INTO t (a, b) SETTINGS async_insert=0", insert.statement());
        assertEquals("CSV", insert.format());
        assertEquals("1,2\n", text.substring(insert.dataStart()));
    }

    @Test
    void dataWithoutANewlineStartsAfterTheWhitespace() {
        String text = "INSERT INTO t FORMAT JSONEachRow   {\"a\":1}";
        assertEquals("{\"a\":1}", text.substring(SqlText.lex(text).insertWithData().orElseThrow().dataStart()));
    }

    @Test
    void aValuesInsertIsParsedWithoutItsRows() {
        assertEquals("INSERT INTO t (a, b) VALUES", SqlText.lex("INSERT INTO t (a, b) VALUES (1, 'VALUES'), (2, ')')").withoutValues());
        assertEquals("INSERT INTO t SELECT 1", SqlText.lex("INSERT INTO t SELECT 1").withoutValues());
        assertEquals("SELECT 'VALUES'", SqlText.lex("SELECT 'VALUES'").withoutValues());
    }

    @Test
    void valuesAndSelectInsertsAreStatements() {
        assertEquals(Optional.empty(), SqlText.lex("INSERT INTO t VALUES ('FORMAT CSV')").insertWithData());
        assertEquals(Optional.empty(), SqlText.lex("INSERT INTO t SELECT * FROM s FORMAT CSV").insertWithData());
        assertEquals(Optional.empty(), SqlText.lex("SELECT 1 FORMAT CSV").insertWithData());
    }

    @Test
    void ignoresWordsInStringsCommentsAndQuotedNames() {
        SqlText sql = SqlText.lex("SELECT 'file(x)', `url`(1) -- FORMAT JSON\n /* s3(1) */ FROM t FORMAT TSVWithNames");
        assertEquals(Optional.of("TSVWithNames"), sql.outputFormat());
        assertTrue(SqlText.lex("  -- only a comment\n").isEmpty());
    }
}
