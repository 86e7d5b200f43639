package vn.ioc.ui.alerts;

/**
 * A rule refused, naming the field at fault ({@code kpi}, {@code scope}, {@code level}, {@code threshold},
 * {@code places}) and why; {@code key} and {@code parameters} say the same in the dashboard's languages.
 */
public final class AlertRuleException extends IllegalArgumentException {
    private final String field;
    private final String key;
    private final transient Object[] parameters;

    AlertRuleException(String field, String message, String key, Object... parameters) {
        super(field + ": " + message);
        this.field = field;
        this.key = key;
        this.parameters = parameters.clone();
    }

    public String field() {
        return field;
    }

    public String key() {
        return key;
    }

    public Object[] parameters() {
        return parameters.clone();
    }
}
