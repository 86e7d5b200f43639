package vn.ioc.ui.base;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How long the server takes to build each view it navigates to (from BeforeEnter to AfterNavigation: reading the
 * figures and making the components): by view in the metrics ({@code ioc_dashboard_view_build_seconds{view=...}}), and
 * by location for {@code ioc bench ui} where {@code ioc.view-build-times=true}.
 */
@Component
public final class ViewBuildTimes implements VaadinServiceInitListener {
    private static final String STARTED = "ioc.navigation-started";
    private final Map<String, List<Double>> millis = new LinkedHashMap<>();
    private final MeterRegistry meters;
    private final boolean byLocation;

    public ViewBuildTimes(MeterRegistry meters, @Value("${ioc.view-build-times:false}") boolean byLocation) {
        this.meters = meters;
        this.byLocation = byLocation;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.addBeforeEnterListener(enter -> ComponentUtil.setData(ui, STARTED, System.nanoTime()));
            ui.addAfterNavigationListener(after -> {
                Long started = (Long) ComponentUtil.getData(ui, STARTED);
                if (started != null) {
                    long nanos = System.nanoTime() - started;
                    meters.timer("ioc.dashboard.view.build", "view", after.getActiveChain().getFirst().getClass().getSimpleName())
                            .record(nanos, TimeUnit.NANOSECONDS);
                    if (byLocation) {
                        record(key(after.getLocation()), nanos / 1e6);
                    }
                }
            });
        });
    }

    /** A location as times are kept by: its path and its parameters in name order ({@code rankings?kpi=...&level=...}). */
    public static String key(String location) {
        return key(new Location(location.startsWith("/") ? location.substring(1) : location));
    }

    private static String key(Location location) {
        String query = new TreeMap<>(location.getQueryParameters().getParameters()).entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + String.join(",", parameter.getValue())).collect(Collectors.joining("&"));
        return location.getPath() + (query.isEmpty() ? "" : "?" + query);
    }

    private synchronized void record(String location, double elapsed) {
        millis.computeIfAbsent(location, l -> new ArrayList<>()).add(elapsed);
    }

    /** The times recorded so far by location, and forgets them. */
    public synchronized Map<String, List<Double>> drain() {
        Map<String, List<Double>> drained = new LinkedHashMap<>(millis);
        millis.clear();
        return drained;
    }
}
