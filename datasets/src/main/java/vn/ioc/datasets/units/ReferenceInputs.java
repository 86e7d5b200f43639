package vn.ioc.datasets.units;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the reference units are built from, as one digest: the address database's file and the reference data folder's
 * files (names, sizes, modification times), and the code that builds and checks them. Equal digests build equal units.
 */
public final class ReferenceInputs {
    private static final List<Class<?>> BUILDERS = List.of(ReferenceUnits.class, ReferenceUnitsLoader.class, SharedReferenceData.class, AddressDatabase.class);

    private ReferenceInputs() {
    }

    public static String digest(Path addressDatabase, Optional<Path> referenceData) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            describe(digest, addressDatabase, addressDatabase);
            if (referenceData.isPresent()) {
                try (Stream<Path> files = Files.walk(referenceData.get())) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        describe(digest, referenceData.get().relativize(file), file);
                    }
                }
            }
            for (Class<?> builder : BUILDERS) {
                try (InputStream code = builder.getResourceAsStream(builder.getSimpleName() + ".class")) {
                    digest.update(code.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("the reference data could not be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void describe(MessageDigest digest, Path name, Path file) throws IOException {
        digest.update((name + "\t" + Files.size(file) + "\t" + Files.getLastModifiedTime(file).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
