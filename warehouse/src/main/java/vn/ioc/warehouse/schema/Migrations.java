package vn.ioc.warehouse.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** The product's migrations, listed in {@code db/migration/index.txt} on the class path, in version order. */
public final class Migrations {
    private static final String FOLDER = "db/migration/";

    private Migrations() {
    }

    public static List<Migration> load() {
        return load(Migrations.class.getClassLoader(), FOLDER);
    }

    static List<Migration> load(ClassLoader loader, String folder) {
        List<Migration> migrations = read(loader, folder + "index.txt").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(file -> {
                    String text = read(loader, folder + file);
                    return Migration.parse(file, text, sha256(text));
                })
                .sorted(Comparator.comparingInt(Migration::version))
                .toList();
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).version() == migrations.get(i - 1).version()) {
                throw new IllegalStateException("two migrations share version " + migrations.get(i).version()
                        + ": " + migrations.get(i - 1).id() + " and " + migrations.get(i).id());
            }
        }
        return migrations;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
