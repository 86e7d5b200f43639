package vn.ioc.ui.data;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ioc.analytics.privacy.SmallCountSuppression;
import vn.ioc.ui.access.CurrentUser;
import vn.ioc.ui.access.Refusals;
import vn.ioc.warehouse.WarehouseConnection;

import java.time.Clock;

/**
 * The warehouse the dashboard reads ({@code ioc.warehouse.url}, {@code .user}, {@code .password}) and the services over it
 * ({@code ioc.warehouse.connections} at once, answers kept up to {@code ioc.answers.max-rows} rows).
 */
@Configuration
public class DataConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    WarehouseConnection warehouse(@Value("${ioc.warehouse.url}") String url, @Value("${ioc.warehouse.user}") String user,
                                  @Value("${ioc.warehouse.password:}") String password) {
        return new WarehouseConnection(url, user, password);
    }

    @Bean(destroyMethod = "close")
    DashboardData dashboardData(WarehouseConnection warehouse, CurrentUser currentUser, Clock clock, Refusals refusals, MeterRegistry meters,
                                @Value("${ioc.warehouse.connections:4}") int connections, @Value("${ioc.answers.max-rows:1000000}") long answerRows) {
        return new DashboardData(new AnalyticsPool(warehouse, connections, SmallCountSuppression.DEFAULT_K), currentUser, clock, refusals, meters,
                answerRows);
    }
}
