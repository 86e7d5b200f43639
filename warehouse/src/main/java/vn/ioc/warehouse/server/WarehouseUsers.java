package vn.ioc.warehouse.server;

import vn.ioc.warehouse.engine.Access;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The warehouse's two users: {@code ioc_writer} (ingest, migrations) and {@code ioc_reader}
 * (dashboards, BI tools; read-only). Passwords come from the environment, else from a credentials
 * file; with neither, the first start generates them into the data folder, readable by its owner only.
 */
public final class WarehouseUsers {
    public static final String WRITER = "ioc_writer";
    public static final String READER = "ioc_reader";
    public static final String WRITER_PASSWORD_VARIABLE = "IOC_WAREHOUSE_WRITER_PASSWORD";
    public static final String READER_PASSWORD_VARIABLE = "IOC_WAREHOUSE_READER_PASSWORD";

    /** A signed-in user and what it may do. */
    public record User(String name, Access access) {
    }

    /** Where the passwords came from, for the start-up message and the non-loopback rule. */
    public enum Source { ENVIRONMENT, CONFIGURED_FILE, GENERATED_FILE }

    private final Map<String, String> passwords;
    private final Map<String, byte[]> passwordDigests;
    private final Source source;
    private final Path file;

    private WarehouseUsers(String writerPassword, String readerPassword, Source source, Path file) {
        this.passwords = Map.of(WRITER, writerPassword, READER, readerPassword);
        this.passwordDigests = Map.of(WRITER, digest(writerPassword), READER, digest(readerPassword));
        this.source = source;
        this.file = file;
    }

    /**
     * @param configured a credentials file named on the command line, if any
     * @param dataFolderFile the data folder's own credentials file, generated when nothing else is given
     */
    public static WarehouseUsers load(Function<String, String> environment, Optional<Path> configured, Path dataFolderFile) {
        String writer = environment.apply(WRITER_PASSWORD_VARIABLE);
        String reader = environment.apply(READER_PASSWORD_VARIABLE);
        if (!isBlank(writer) && !isBlank(reader)) {
            return new WarehouseUsers(writer, reader, Source.ENVIRONMENT, null);
        }
        if (!isBlank(writer) || !isBlank(reader)) {
            throw new WarehouseStartException("set both " + WRITER_PASSWORD_VARIABLE + " and " + READER_PASSWORD_VARIABLE + ", or neither");
        }
        if (configured.isPresent()) {
            return fromFile(configured.get(), Source.CONFIGURED_FILE);
        }
        if (!Files.exists(dataFolderFile)) {
            generate(dataFolderFile);
        }
        return fromFile(dataFolderFile, Source.GENERATED_FILE);
    }

    public Source source() {
        return source;
    }

    /** The credentials file in use, if the passwords came from one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** A user's password, for clients inside this JVM (the demo's dashboard and migrations). */
    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no warehouse user " + user);
        }
        return password;
    }

    /** The user these credentials sign in, or empty: unknown users and wrong passwords look the same. */
    public Optional<User> authenticate(String name, String password) {
        byte[] expected = name == null ? null : passwordDigests.get(name);
        byte[] given = digest(password == null ? "" : password);
        if (expected == null || !MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        return Optional.of(new User(name, name.equals(WRITER) ? Access.WRITE : Access.READ));
    }

    private static WarehouseUsers fromFile(Path file, Source source) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new WarehouseStartException("cannot read the credentials file " + file + ": " + e.getMessage(), e);
        }
        String writer = properties.getProperty(WRITER);
        String reader = properties.getProperty(READER);
        if (isBlank(writer) || isBlank(reader)) {
            throw new WarehouseStartException("the credentials file " + file + " must set both " + WRITER + "=... and " + READER + "=...");
        }
        return new WarehouseUsers(writer, reader, source, file);
    }

    private static void generate(Path file) {
        String content = "# IOC warehouse passwords, generated on first start. Keep this file private.\n"
                + WRITER + "=" + randomPassword() + "\n"
                + READER + "=" + randomPassword() + "\n";
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WarehouseStartException("cannot write the generated credentials to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
