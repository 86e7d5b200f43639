package vn.ioc.ui.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.Objects;

/**
 * A signed-in account refused by its role (a wall device on the JSON API, a leader on the metrics): answered 403, and
 * logged and counted once like every refusal ({@code reason="role"}).
 */
public final class RoleRefusal implements AccessDeniedHandler {
    private final Refusals refusals;

    public RoleRefusal(Refusals refusals) {
        this.refusals = Objects.requireNonNull(refusals, "refusals");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        String who = request.getUserPrincipal() == null ? request.getRemoteAddr() : request.getUserPrincipal().getName();
        refusals.refused("role", who, request.getMethod() + " " + request.getRequestURI() + ", not for this account's role");
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
