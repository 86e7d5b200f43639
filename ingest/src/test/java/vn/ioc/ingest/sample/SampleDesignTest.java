package vn.ioc.ingest.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.ingest.input.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleDesignTest {
    private static final String HEADER = "commune_code,province_code,population,sampled,weight\n";

    @Test
    void extractsWithoutADesignAreThePopulationItself(@TempDir Path input) {
        assertTrue(SampleDesign.read(input).isEmpty());
    }

    @Test
    void aDesignGivesEachCommuneItsWeight(@TempDir Path input) throws Exception {
        Files.writeString(input.resolve(SampleDesign.FILE), HEADER + "00004,01,30512,305,100\n26734,79,2049,20,102\n");
        SampleDesign design = SampleDesign.read(input).orElseThrow();
        assertEquals(Map.of("00004", 100L, "26734", 102L), design.weights());
        assertEquals(2, design.rows().size());
    }

    @Test
    void aMalformedDesignIsNamedByFileLineAndColumn(@TempDir Path input) throws Exception {
        Path file = input.resolve(SampleDesign.FILE);
        Files.writeString(file, "commune,weight\n");
        assertTrue(assertThrows(InputException.class, () -> SampleDesign.read(input)).getMessage().contains(file + ", line 1: the header must be"));
        Files.writeString(file, HEADER + "00004,01,30512,305,100\n00007,01,1200,12,abc\n");
        String message = assertThrows(InputException.class, () -> SampleDesign.read(input)).getMessage();
        assertTrue(message.contains(file + ", line 3, column weight: 'abc' is not a whole number"), message);
        Files.writeString(file, HEADER + "00004,01,30512,0,100\n");
        message = assertThrows(InputException.class, () -> SampleDesign.read(input)).getMessage();
        assertTrue(message.contains("line 2, column sampled: must be at least 1"), message);
        Files.writeString(file, HEADER + "4,01,30512,305,100\n");
        message = assertThrows(InputException.class, () -> SampleDesign.read(input)).getMessage();
        assertTrue(message.contains("line 2: commune_code must be 5 digits"), message);
    }
}
