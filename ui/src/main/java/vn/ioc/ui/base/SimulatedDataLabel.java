package vn.ioc.ui.base;

import com.vaadin.flow.component.html.Span;
import vn.ioc.analytics.quality.DataFreshness;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.WarehouseUnavailableException;
import vn.ioc.ui.export.Texts;

import java.util.Optional;

/**
 * "Dữ liệu mô phỏng · mẫu 1 %" wherever figures appear, while the warehouse holds the generator's simulated sample:
 * nobody should take them for real figures. Hidden for real data.
 */
public final class SimulatedDataLabel extends Span {
    public SimulatedDataLabel(Formats formats, DataFreshness freshness) {
        addClassName("simulated-data");
        setId("simulated-data");
        freshness.simulatedSample().ifPresentOrElse(fraction -> {
            setText(getTranslation("simulated.label", formats.share(fraction)));
            setTitle(getTranslation("simulated.explained", formats.share(fraction)));
        }, () -> setVisible(false));
    }

    /** The label's text while the warehouse holds a simulated sample, for files and reports: "Dữ liệu mô phỏng · mẫu 1 %". */
    public static Optional<String> text(Texts texts, Formats formats, DashboardData data) {
        try {
            DataFreshness freshness = data.freshness().value();
            return freshness.simulatedSample().isPresent()
                    ? Optional.of(texts.get("simulated.label", formats.share(freshness.simulatedSample().getAsDouble())))
                    : Optional.empty();
        } catch (WarehouseUnavailableException e) {
            return Optional.empty();
        }
    }
}
