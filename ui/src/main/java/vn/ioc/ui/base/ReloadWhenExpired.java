package vn.ioc.ui.base;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * When the server restarts, open pages reload themselves instead of asking the user to: a wall screen comes back by
 * itself (signing in again with its remember-me cookie).
 */
@Component
public final class ReloadWhenExpired implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            messages.setInternalErrorNotificationEnabled(false);
            return messages;
        });
    }
}
