package vn.ioc.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import vn.ioc.analytics.period.Period;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A view's state as URL query parameters, so that every state can be shared as a link and reopened. */
public record ViewParams(Map<String, String> values) {
    public ViewParams {
        values = new LinkedHashMap<>(values);
    }

    public static ViewParams of(QueryParameters query) {
        Map<String, String> values = new LinkedHashMap<>();
        query.getParameters().forEach((name, list) -> {
            if (!list.isEmpty() && !list.getFirst().isBlank()) {
                values.put(name, list.getFirst());
            }
        });
        return new ViewParams(values);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The {@code period} parameter, or the month given; a malformed period, or one not begun yet, is a page not found. */
    public Period period(YearMonth latest) {
        return found(() -> get("period").map(Period::parseBegun).orElseGet(() -> Period.month(latest)));
    }

    /**
     * Looks up what a URL names (a unit, an indicator, a period): an unknown or malformed one is a page not found,
     * which the not-found view shows with the lookup's message.
     */
    public static <T> T found(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    /** A page not found, saying what was not. */
    public static NotFoundException notFound(String what) {
        return new NotFoundException(what);
    }

    public ViewParams with(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(values);
        if (value == null || value.isBlank()) {
            next.remove(name);
        } else {
            next.put(name, value);
        }
        return new ViewParams(next);
    }

    /** {@code path?a=1&b=2}, for links and navigation. */
    public String link(String path) {
        if (values.isEmpty()) {
            return path;
        }
        return path + "?" + values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Shows the view at {@code path} in this state. */
    public void go(String path) {
        UI.getCurrent().navigate(path, QueryParameters.simple(values));
    }

    public static ViewParams of(String... namesAndValues) {
        ViewParams params = new ViewParams(Map.of());
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            params = params.with(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    public List<String> list(String name) {
        return get(name).map(value -> List.of(value.split(","))).orElse(List.of());
    }
}
