package vn.ioc.ui.access;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** The signed-in user of the current request (UI or API). */
@Component
public final class CurrentUser {
    /** The user a question is asked for on another thread than the request's. */
    private static final ScopedValue<DashboardUser> ASKING = ScopedValue.newInstance();
    private final DashboardUsers users;

    public CurrentUser(DashboardUsers users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    public DashboardUser get() {
        return signedIn().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** The signed-in user, if someone is. */
    public Optional<DashboardUser> signedIn() {
        if (ASKING.isBound()) {
            return Optional.of(ASKING.get());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return users.find(authentication.getName());
    }

    /** Answers {@code question} as {@code user}, on whatever thread this runs. */
    public <T> T as(DashboardUser user, Supplier<T> question) {
        return ScopedValue.where(ASKING, user).call(question::get);
    }
}
