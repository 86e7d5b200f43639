package vn.ioc.ui.map;

import java.util.Optional;

/** The configured province outlines, if any (read once at start-up). */
record ProvinceMap(Optional<ProvinceBoundaries> boundaries) {
}
