package vn.ioc.ui.base;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the server takes to build each view it navigates to (from BeforeEnter to AfterNavigation: reading the
 * figures and making the components), by location; switched on with {@code ioc.view-build-times=true} for {@code ioc bench ui}.
 */
@Component
@ConditionalOnProperty(name = "ioc.view-build-times", havingValue = "true")
public final class ViewBuildTimes implements VaadinServiceInitListener {
    private static final String STARTED = "ioc.navigation-started";
    private final Map<String, List<Double>> millis = new LinkedHashMap<>();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.addBeforeEnterListener(enter -> ComponentUtil.setData(ui, STARTED, System.nanoTime()));
            ui.addAfterNavigationListener(after -> {
                Long started = (Long) ComponentUtil.getData(ui, STARTED);
                if (started != null) {
                    record(after.getLocation().getPathWithQueryParameters(), (System.nanoTime() - started) / 1e6);
                }
            });
        });
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
