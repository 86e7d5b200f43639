package vn.ioc.ui.operations;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import vn.ioc.ui.access.Refusals;

/** A failed sign-in (the form or HTTP Basic), logged and counted as a refusal: the name given, never the password. */
@Component
public final class SignInFailures {
    private final Refusals refusals;

    public SignInFailures(Refusals refusals) {
        this.refusals = refusals;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        refusals.refused("sign-in", String.valueOf(event.getAuthentication().getName()), "sign-in failed: " + event.getException().getMessage());
    }
}
