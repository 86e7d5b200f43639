package vn.ioc.ui.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ioc.ui.access.Refusals;
import vn.ioc.ui.access.RoleRefusal;
import vn.ioc.ui.access.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read {@code /actuator/prometheus}: an admin (signed in to the dashboard, or with HTTP Basic), or a scraper
 * with the scrape token ({@code Authorization: Bearer ...}; {@code ioc.metrics.token}, {@code IOC_METRICS_TOKEN}; none
 * by default, so then admins only). Nobody else: the figures name the accounts and sources.
 */
@Configuration
public class MetricsAccess {
    private static final String SCRAPER = "ROLE_METRICS_SCRAPER";

    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, @Value("${ioc.metrics.token:${IOC_METRICS_TOKEN:}}") String token, Refusals refusals) throws Exception {
        return http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(Role.ADMIN.authority(), SCRAPER))
                .addFilterBefore(new ScrapeToken(token.isBlank() ? Optional.empty() : Optional.of(token), refusals), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler(new RoleRefusal(refusals)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    /** A bearer token equal to the scrape token (compared in constant time) signs the request in as the scraper. */
    private static final class ScrapeToken extends OncePerRequestFilter {
        private final Optional<byte[]> token;
        private final Refusals refusals;

        ScrapeToken(Optional<String> token, Refusals refusals) {
            this.token = token.map(text -> text.getBytes(StandardCharsets.UTF_8));
            this.refusals = refusals;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                byte[] offered = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
                if (token.isEmpty() || !MessageDigest.isEqual(token.get(), offered)) {
                    refusals.refused("metrics-token", request.getRemoteAddr(), "/actuator/prometheus with a wrong scrape token");
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null, AuthorityUtils.createAuthorityList(SCRAPER)));
            }
            chain.doFilter(request, response);
        }
    }
}
