package vn.ioc.warehouse.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing: after a failed sign-in, the same account from the same address waits before its next
 * answer, twice as long after each further failure (100 ms, 200 ms, ... up to 5 s); a success clears the count. A
 * bounded memory of the most recent pairs, so that a flood of made-up names cannot grow it.
 */
final class SignInThrottle {
    static final Duration FIRST = Duration.ofMillis(100);
    static final Duration LONGEST = Duration.ofSeconds(5);
    private static final int REMEMBERED = 10_000;

    private final Map<String, Integer> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** How long a request of this account from this address waits before it is answered. */
    synchronized Duration delay(String account, String address) {
        Integer failed = failures.get(key(account, address));
        if (failed == null) {
            return Duration.ZERO;
        }
        long millis = FIRST.toMillis() << Math.min(failed - 1, 16);
        return Duration.ofMillis(Math.min(millis, LONGEST.toMillis()));
    }

    synchronized void failed(String account, String address) {
        failures.merge(key(account, address), 1, Integer::sum);
    }

    synchronized void succeeded(String account, String address) {
        failures.remove(key(account, address));
    }

    private static String key(String account, String address) {
        return account + "\u0000" + address;
    }
}
