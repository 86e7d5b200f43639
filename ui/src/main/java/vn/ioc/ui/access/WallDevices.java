package vn.ioc.ui.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Wall devices stay signed in: when a user with the wall role signs in, a remember-me cookie (signed with a key kept in
 * a file, so that it outlives a restart of the server) signs the screen in again after a restart. People are never
 * remembered.
 */
public final class WallDevices extends TokenBasedRememberMeServices {
    private static final Duration REMEMBERED = Duration.ofDays(30);

    public WallDevices(Path keyFile, UserDetailsService users) {
        super(key(keyFile), users);
        setTokenValiditySeconds((int) REMEMBERED.toSeconds());
        setCookieName("ioc-wall-device");
    }

    @Override
    public void onLoginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication signedIn) {
        if (signedIn.getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals(Role.WALL.authority()))) {
            super.onLoginSuccess(request, response, signedIn);
        }
    }

    @Override
    protected boolean rememberMeRequested(HttpServletRequest request, String parameter) {
        return true;
    }

    /** The key in the file, made (readable by its owner only) the first time. */
    static String key(Path file) {
        try {
            if (!Files.exists(file)) {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path written = Files.writeString(file, HexFormat.of().formatHex(key), StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: left as the system makes files
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the wall devices' key " + file.toAbsolutePath() + " cannot be read or made: " + e.getMessage(), e);
        }
    }
}
