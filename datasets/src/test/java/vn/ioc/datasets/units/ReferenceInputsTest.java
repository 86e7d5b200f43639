package vn.ioc.datasets.units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The digest of what the reference units are built from: the same for the same files, another when any of them changes. */
class ReferenceInputsTest {
    @Test
    void changesWithAnyInputAndOnlyThen(@TempDir Path folder) throws Exception {
        Path address = Files.writeString(folder.resolve("address.json"), "[]");
        Path reference = Files.createDirectories(folder.resolve("datasets"));
        Path populations = Files.writeString(reference.resolve("populations.csv"), "code,population\n01,8587100\n");
        String first = ReferenceInputs.digest(address, Optional.of(reference));
        assertEquals(first, ReferenceInputs.digest(address, Optional.of(reference)), "the same inputs");

        Files.writeString(populations, "code,population\n01,8587100\n79,9521886\n");
        String edited = ReferenceInputs.digest(address, Optional.of(reference));
        assertNotEquals(first, edited, "a reference file rewritten (a line more)");

        Files.setLastModifiedTime(address, FileTime.fromMillis(Files.getLastModifiedTime(address).toMillis() + 1000));
        assertNotEquals(edited, ReferenceInputs.digest(address, Optional.of(reference)), "the address database replaced");
        assertNotEquals(ReferenceInputs.digest(address, Optional.of(reference)), ReferenceInputs.digest(address, Optional.empty()),
                "without the reference data, populations are estimated: other units");
    }
}
