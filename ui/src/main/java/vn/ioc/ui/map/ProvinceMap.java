package vn.ioc.ui.map;

import com.vaadin.flow.component.html.Div;
import vn.ioc.analytics.units.Unit;
import vn.ioc.ui.base.Formats;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The configured province outlines, if any (read once at start-up). */
public record ProvinceMap(Optional<ProvinceBoundaries> boundaries) {
    /** The provinces coloured: on their outlines where a boundary file is configured, else as tiles. */
    public Div draw(List<Unit> provinces, ChoroplethMap.Shading shading, Formats formats, Function<Unit, String> link) {
        return boundaries.map(outlines -> ChoroplethMap.draw(outlines, provinces, shading, formats, link))
                .orElseGet(() -> ChoroplethMap.tiles(provinces, shading, formats, link));
    }
}
