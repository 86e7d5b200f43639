package vn.ioc.ui.base;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.http.HttpStatus;
import vn.ioc.ui.access.DashboardUsers;
import vn.ioc.ui.access.Refusals;
import vn.ioc.ui.access.Role;
import vn.ioc.ui.access.RoleRefusal;
import vn.ioc.ui.access.WallDevices;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Sign-in: the dashboard through Vaadin's login view, the JSON API with HTTP Basic (stateless); both with the same
 * users ({@code ioc.users-file}, or the demo's users where {@code ioc.demo-users} is true).
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    DashboardUsers dashboardUsers(@Value("${ioc.users-file:}") String file,
                                  @Value("${ioc.demo-users:false}") boolean demo) {
        if (!file.isBlank()) {
            return DashboardUsers.read(Path.of(file));
        }
        if (demo) {
            return DashboardUsers.demo();
        }
        throw new IllegalStateException("no users: give a users file (ioc.users-file, `ioc serve --users FILE`) or choose the demo users");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Refusals refusals) throws Exception {
        return http.securityMatcher("/api/**")
                // A wall device's account shows its wall, nothing else: not the API either.
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(Arrays.stream(Role.values()).filter(role -> role != Role.WALL)
                        .map(Role::name).toArray(String[]::new)))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler(new RoleRefusal(refusals)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, DashboardUsers users, @Value("${ioc.device-key-file:var/device.key}") Path deviceKey,
                                  RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/v3/api-docs/**", "/styles.css", "/favicon.svg", "/actuator/health", "/actuator/health/**").permitAll());
        http.rememberMe(remember -> remember.rememberMeServices(new WallDevices(deviceKey, users)));
        // Any other address of a signed-in user reaches the application, whose own page says it is not found
        // (Vaadin's default refuses it with a bare 403).
        // Vaadin's own requests carry Vaadin's token; every other POST, the sign-in form's too, needs Spring's (Vaadin
        // would exempt the sign-in form, letting another site sign a browser in to an account of its choosing).
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).anyRequest(AuthorizedUrl::authenticated)
                .enableCsrfConfiguration(false));
        return http.build();
    }
}
