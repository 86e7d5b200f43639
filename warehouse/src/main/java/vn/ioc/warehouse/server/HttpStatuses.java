package vn.ioc.warehouse.server;

import java.util.Map;

/** The HTTP status ClickHouse's own HTTP interface gives each error code; 500 for the rest. */
final class HttpStatuses {
    private static final Map<Integer, Integer> BY_CODE = Map.ofEntries(
            Map.entry(194, 401),   // REQUIRED_PASSWORD
            Map.entry(192, 403),   // UNKNOWN_USER
            Map.entry(193, 403),   // WRONG_PASSWORD
            Map.entry(516, 403),   // AUTHENTICATION_FAILED
            Map.entry(164, 403),   // READONLY
            Map.entry(497, 403),   // ACCESS_DENIED
            Map.entry(62, 400),    // SYNTAX_ERROR
            Map.entry(26, 400),    // CANNOT_PARSE_QUOTED_STRING
            Map.entry(27, 400),    // CANNOT_PARSE_INPUT_ASSERTION_FAILED
            Map.entry(36, 400),    // BAD_ARGUMENTS
            Map.entry(38, 400),    // CANNOT_PARSE_DATE
            Map.entry(40, 400),    // CHECKSUM_DOESNT_MATCH
            Map.entry(41, 400),    // CANNOT_PARSE_DATETIME
            Map.entry(6, 400),     // CANNOT_PARSE_TEXT
            Map.entry(72, 400),    // CANNOT_PARSE_NUMBER
            Map.entry(115, 400),   // UNKNOWN_SETTING
            Map.entry(271, 400),   // CANNOT_DECOMPRESS
            Map.entry(432, 400),   // UNKNOWN_CODEC
            Map.entry(456, 400),   // UNKNOWN_QUERY_PARAMETER
            Map.entry(457, 400),   // BAD_QUERY_PARAMETER
            Map.entry(60, 404),    // UNKNOWN_TABLE
            Map.entry(46, 404),    // UNKNOWN_FUNCTION
            Map.entry(47, 404),    // UNKNOWN_IDENTIFIER
            Map.entry(50, 404),    // UNKNOWN_TYPE
            Map.entry(56, 404),    // UNKNOWN_STORAGE
            Map.entry(81, 404),    // UNKNOWN_DATABASE
            Map.entry(73, 404),    // UNKNOWN_FORMAT
            Map.entry(393, 413),   // QUERY_IS_TOO_LARGE
            Map.entry(48, 501),    // NOT_IMPLEMENTED
            Map.entry(202, 503),   // TOO_MANY_SIMULTANEOUS_QUERIES
            Map.entry(209, 503));  // SOCKET_TIMEOUT

    private HttpStatuses() {
    }

    static int of(int code) {
        return BY_CODE.getOrDefault(code, 500);
    }
}
