package vn.ioc.ui.data;

import java.time.Instant;
import java.util.Objects;

/**
 * An answer and when the warehouse gave it. {@code stale}: the warehouse could not be reached just now, so this is
 * the last answer it gave to the same question.
 */
public record Fresh<T>(T value, Instant asOf, boolean stale) {
    public Fresh {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(asOf, "asOf");
    }
}
