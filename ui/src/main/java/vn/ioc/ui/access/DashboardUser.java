package vn.ioc.ui.access;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A user of the dashboard; {@code province} is set for a provincial leader (always) and a wall device (when bound to one), only. */
public record DashboardUser(String name, Role role, Optional<String> province, String passwordHash) {
    public DashboardUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (role == Role.PROVINCIAL_LEADER ? province.isEmpty() : province.isPresent() && role != Role.WALL) {
            throw new IllegalArgumentException("user " + name + ": a provincial leader is bound to a province, and only a leader or a wall device can be");
        }
    }

    /** The unit the user's pages open on: their province, or the nation ({@code VN}). */
    public String home() {
        return province.orElse("VN");
    }

    /** Whether this user may see the communes of a province (and each of them). */
    public boolean seesCommunesOf(String provinceCode) {
        return province.map(own -> own.equals(provinceCode)).orElse(true);
    }

    @Override
    public String toString() {
        return name + " (" + role.name().toLowerCase(Locale.ROOT).replace('_', ' ') + province.map(p -> " of " + p).orElse("") + ")";
    }
}
