package vn.ioc.ui.wall;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;
import vn.ioc.ui.access.CurrentUser;
import vn.ioc.ui.access.Refusals;
import vn.ioc.ui.access.Role;
import vn.ioc.ui.access.ScopeRefusal;
import vn.ioc.ui.access.ScopeRefusal.Reason;

/** A wall device's account opens its wall only: any other page is refused (and logged), saying so. */
@Component
public final class WallDevicesOnly implements VaadinServiceInitListener {
    private final CurrentUser currentUser;
    private final Refusals refusals;

    public WallDevicesOnly(CurrentUser currentUser, Refusals refusals) {
        this.currentUser = currentUser;
        this.refusals = refusals;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            Class<?> target = enter.getNavigationTarget();
            if (target == WallView.class || HasErrorParameter.class.isAssignableFrom(target)) {
                return;
            }
            currentUser.signedIn().filter(user -> user.role() == Role.WALL).ifPresent(device -> {
                refusals.refused(Reason.WALL_ONLY, device, "/" + enter.getLocation().getPath() + ", a wall device opens its wall only");
                enter.rerouteToError(new ScopeRefusal(Reason.WALL_ONLY, device.home(), device.province(),
                        device.name() + " is a wall device and opens its wall only"), "");
            });
        }));
    }
}
