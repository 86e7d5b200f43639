package vn.ioc.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/** While a component is shown, asks the server every few seconds to show the current view again (to recover by itself). */
final class Retry {
    static final int INTERVAL_MILLIS = 10_000;

    private Retry() {
    }

    static void whileShown(Component component) {
        Registration[] poll = new Registration[1];
        component.addAttachListener(event -> {
            UI ui = event.getUI();
            ui.setPollInterval(INTERVAL_MILLIS);
            poll[0] = ui.addPollListener(tick -> ui.refreshCurrentRoute(false));
        });
        component.addDetachListener(event -> {
            event.getUI().setPollInterval(-1);
            if (poll[0] != null) {
                poll[0].remove();
            }
        });
    }
}
