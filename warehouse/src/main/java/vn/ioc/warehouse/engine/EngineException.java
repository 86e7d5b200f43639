package vn.ioc.warehouse.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error as ClickHouse reports it: {@code Code: N. DB::Exception: ...}. The code is ClickHouse's own
 * error code, so that clients (and the HTTP interface) can map it exactly as a server would.
 */
public final class EngineException extends RuntimeException {
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)\\.");
    /** ClickHouse's fallback when the engine's text carries no code. */
    private static final int UNKNOWN_EXCEPTION = 1002;

    private final int code;

    public EngineException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** Wraps the engine's own error text, keeping its code. */
    static EngineException fromEngine(String text) {
        String message = text.strip();
        Matcher matcher = CODE.matcher(message);
        if (matcher.find()) {
            return new EngineException(Integer.parseInt(matcher.group(1)), message);
        }
        return new EngineException(UNKNOWN_EXCEPTION, "Code: " + UNKNOWN_EXCEPTION + ". DB::Exception: " + message);
    }

    /** An error with no more specific ClickHouse code (UNKNOWN_EXCEPTION). */
    public static EngineException unknown(String message) {
        return of(UNKNOWN_EXCEPTION, "UNKNOWN_EXCEPTION", message);
    }

    /** An error raised by IOC itself, formatted the way ClickHouse formats its own. */
    public static EngineException of(int code, String name, String message) {
        return new EngineException(code, "Code: " + code + ". DB::Exception: " + message + ". (" + name + ")");
    }

    public int code() {
        return code;
    }
}
