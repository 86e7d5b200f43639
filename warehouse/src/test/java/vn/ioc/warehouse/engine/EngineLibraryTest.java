package vn.ioc.warehouse.engine;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.npm.NpmPackageException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineLibraryTest {

    @Test
    void picksThePackageForThePlatformOrSaysThereIsNone() {
        assertEquals("@chdb/lib-linux-x64-gnu", EnginePackage.forPlatform("Linux", "amd64").orElseThrow().npmPackage().name());
        assertEquals("@chdb/lib-linux-arm64-gnu", EnginePackage.forPlatform("Linux", "aarch64").orElseThrow().npmPackage().name());
        assertEquals("libchdb.dylib", EnginePackage.forPlatform("Mac OS X", "aarch64").orElseThrow().libraryFile());
        assertEquals(Optional.empty(), EnginePackage.forPlatform("Windows 11", "amd64"));
    }

    @Test
    void aCorruptDownloadIsRefusedByItsIntegrity(@TempDir Path folder) throws IOException {
        Path tarball = folder.resolve("chdb.tgz");
        Files.writeString(tarball, "not the engine");
        EnginePackage linux = EnginePackage.forPlatform("Linux", "amd64").orElseThrow();
        NpmPackageException e = assertThrows(NpmPackageException.class, () -> NpmPackageCache.verify(linux.npmPackage(), tarball));
        assertTrue(e.getMessage().contains("is corrupt or not the expected build"), e.getMessage());
    }

    @Test
    void extractsTheLibraryAndNamesWhatIsMissingOrBroken(@TempDir Path folder) throws IOException {
        Path tarball = folder.resolve("package.tgz");
        try (OutputStream file = Files.newOutputStream(tarball);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
            byte[] content = "ELF pretend".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("package/libchdb.so");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        Path target = folder.resolve("libchdb.so");
        NpmPackageCache.extract(tarball, "package/libchdb.so", target);
        assertEquals("ELF pretend", Files.readString(target));

        NpmPackageException missing = assertThrows(NpmPackageException.class,
                () -> NpmPackageCache.extract(tarball, "package/libchdb.dylib", folder.resolve("x")));
        assertTrue(missing.getMessage().contains("holds no package/libchdb.dylib"), missing.getMessage());

        Path garbage = folder.resolve("garbage.tgz");
        Files.writeString(garbage, "garbage");
        NpmPackageException broken = assertThrows(NpmPackageException.class,
                () -> NpmPackageCache.extract(garbage, "package/libchdb.so", folder.resolve("y")));
        assertTrue(broken.getMessage().contains("is not a valid package tarball"), broken.getMessage());
    }

    @Test
    void aLibraryThatIsNotChdbIsRefusedClearly(@TempDir Path folder) throws IOException {
        Path fake = folder.resolve("libchdb.so");
        Files.writeString(fake, "not a shared object");
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> Engine.start(EngineOptions.defaults(fake, folder.resolve("storage"))));
        assertTrue(e.getMessage().contains("cannot load the engine library " + fake), e.getMessage());
    }
}
