package vn.ioc.ui.access;

import java.util.Comparator;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The dashboard's users, with hashed passwords. From a properties file, one user per line:
 * {@code name = role[:province]:{bcrypt}hash}, roles {@code viewer}, {@code leader} (with a province), {@code planner},
 * {@code admin}, {@code wall} (a wall screen's device, with or without a province);
 * or the demo's users, whose passwords the demo prints.
 */
public final class DashboardUsers implements UserDetailsService {
    /** The demo's users: name, role, province; each one's password is {@code demo-} and its name. */
    public static final List<String[]> DEMO = List.of(
            new String[] {"quocgia", "viewer", ""},
            new String[] {"hanoi", "leader", "01"},
            new String[] {"hcm", "leader", "79"},
            new String[] {"kehoach", "planner", ""},
            new String[] {"quantri", "admin", ""},
            new String[] {"manhinh", "wall", "01"});

    private static final int DEMO_ROUNDS = 10;
    private final Map<String, DashboardUser> users;

    private DashboardUsers(Map<String, DashboardUser> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no dashboard users are configured");
        }
        this.users = Map.copyOf(users);
    }

    /**
     * The demo's users. Their passwords are public, so their bcrypt salts are made from their names: the hashes are the
     * same at every start, and a wall device's remember-me cookie (signed over the hash) outlives a restart.
     */
    public static DashboardUsers demo() {
        Map<String, DashboardUser> users = new LinkedHashMap<>();
        for (String[] user : DEMO) {
            users.put(user[0], new DashboardUser(user[0], role(user[1], user[0]), user[2].isEmpty() ? Optional.empty() : Optional.of(user[2]),
                    "{bcrypt}" + BCrypt.hashpw(demoPassword(user[0]), BCrypt.gensalt(DEMO_ROUNDS, saltFrom(user[0])))));
        }
        return new DashboardUsers(users);
    }

    private static SecureRandom saltFrom(String name) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(("ioc-demo-" + name).getBytes(StandardCharsets.UTF_8));
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String demoPassword(String user) {
        return "demo-" + user;
    }

    public static DashboardUsers read(Path file) {
        Properties lines = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("the users file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, DashboardUser> users = new LinkedHashMap<>();
        for (String name : lines.stringPropertyNames()) {
            String[] parts = lines.getProperty(name).strip().split(":", -1);
            String where = "users file " + file + ", user " + name;
            if (parts.length < 2) {
                throw new IllegalArgumentException(where + ": expected role[:province]:{bcrypt}hash, got '" + lines.getProperty(name) + "'");
            }
            Role role = role(parts[0], where);
            boolean bound = role == Role.PROVINCIAL_LEADER || role == Role.WALL && parts[1].matches("\\d{2}");
            if (role == Role.PROVINCIAL_LEADER && !bound) {
                throw new IllegalArgumentException(where + ": a leader needs a 2-digit province code after the role, got '" + parts[1] + "'");
            }
            String hash = String.join(":", List.of(parts).subList(bound ? 2 : 1, parts.length));
            if (!hash.startsWith("{bcrypt}")) {
                throw new IllegalArgumentException(where + ": the password must be a {bcrypt} hash, never plain text");
            }
            users.put(name, new DashboardUser(name, role, bound ? Optional.of(parts[1]) : Optional.empty(), hash));
        }
        return new DashboardUsers(users);
    }

    private static Role role(String text, String where) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "viewer" -> Role.NATIONAL_VIEWER;
            case "leader" -> Role.PROVINCIAL_LEADER;
            case "planner" -> Role.PLANNER;
            case "admin" -> Role.ADMIN;
            case "wall" -> Role.WALL;
            default -> throw new IllegalArgumentException(where + ": unknown role '" + text + "' (viewer, leader, planner, admin, wall)");
        };
    }

    public Optional<DashboardUser> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public List<DashboardUser> all() {
        return users.values().stream().sorted(Comparator.comparing(DashboardUser::role).thenComparing(DashboardUser::name)).toList();
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        DashboardUser user = find(name).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.name()).password(user.passwordHash())
                .authorities(List.of(new SimpleGrantedAuthority(user.role().authority()))).build();
    }
}
