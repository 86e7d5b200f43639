package vn.ioc.warehouse.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignInThrottleTest {
    @Test
    void eachFailureDoublesTheWaitOfThatAccountFromThatAddressUntilASuccess() {
        SignInThrottle throttle = new SignInThrottle();
        assertEquals(Duration.ZERO, throttle.delay("ioc_reader", "10.0.0.1"));
        for (int i = 0; i < 3; i++) {
            throttle.failed("ioc_reader", "10.0.0.1");
        }
        assertEquals(Duration.ofMillis(400), throttle.delay("ioc_reader", "10.0.0.1"));
        assertEquals(Duration.ZERO, throttle.delay("ioc_reader", "10.0.0.2"), "another address is not slowed");
        assertEquals(Duration.ZERO, throttle.delay("ioc_writer", "10.0.0.1"), "another account is not slowed");
        for (int i = 0; i < 100; i++) {
            throttle.failed("ioc_reader", "10.0.0.1");
        }
        assertEquals(SignInThrottle.LONGEST, throttle.delay("ioc_reader", "10.0.0.1"));
        throttle.succeeded("ioc_reader", "10.0.0.1");
        assertEquals(Duration.ZERO, throttle.delay("ioc_reader", "10.0.0.1"));
    }
}
