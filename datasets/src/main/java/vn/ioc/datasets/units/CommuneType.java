package vn.ioc.datasets.units;

import java.util.Optional;

/** The three kinds of commune-level unit; leaders compare within them (peer groups). */
public enum CommuneType {
    XA("Xã", "Commune"),
    PHUONG("Phường", "Ward"),
    DAC_KHU("Đặc khu", "Special zone");

    private final String vietnamese;
    private final String english;

    CommuneType(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }

    /** The type a full name starts with, e.g. "Phường Ba Đình". */
    public static Optional<CommuneType> ofFullName(String fullName) {
        for (CommuneType type : values()) {
            if (fullName.startsWith(type.vietnamese + " ")) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<CommuneType> ofVietnamese(String name) {
        for (CommuneType type : values()) {
            if (type.vietnamese.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
