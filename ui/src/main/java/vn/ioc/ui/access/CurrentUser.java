package vn.ioc.ui.access;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Objects;

/** The signed-in user of the current request (UI or API). */
@Component
public final class CurrentUser {
    private final DashboardUsers users;

    public CurrentUser(DashboardUsers users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    public DashboardUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("not signed in");
        }
        return users.find(authentication.getName()).orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}
