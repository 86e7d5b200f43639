package vn.ioc.ui.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One line for each request that reached the application (after sign-in), on logger {@code vn.ioc.requests}: the
 * account, method, path, Vaadin's request kind, status and time. Never its query string, headers or body, so no password
 * or token is written; the monitor's health probes and static files are left out.
 */
@Component
public final class RequestLog extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger("vn.ioc.requests");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !LOG.isInfoEnabled() || path.startsWith("/actuator/health") || path.startsWith("/VAADIN/") || path.endsWith(".css")
                || path.endsWith(".svg") || path.endsWith(".js");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        long started = System.nanoTime();
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        try {
            chain.doFilter(request, response);
        } finally {
            String vaadin = request.getParameter("v-r");
            LOG.info("{} {} {}{} {} {} ms", signedIn == null ? "-" : signedIn.getName(), request.getMethod(), request.getRequestURI(),
                    vaadin == null ? "" : " (" + vaadin + ")", response.getStatus(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
