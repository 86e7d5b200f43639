package vn.ioc.warehouse.engine;

/** What a statement does to state that outlives it, as the engine's own parser decides ({@code chdb_query_class}). */
public enum QueryClass {
    /** SELECT, SHOW, DESCRIBE, EXPLAIN, EXISTS, CHECK. */
    READ_ONLY,
    /** INSERT, CREATE, ALTER, DROP, TRUNCATE, RENAME, OPTIMIZE... inside a database. */
    MUTATING,
    /** Functions, named collections, access management, writes into {@code system}. */
    MUTATING_GLOBAL,
    /** USE, SET, SYSTEM, KILL, ATTACH, DETACH, BACKUP, INTO OUTFILE, INSERT INTO FUNCTION... */
    CONTROL,
    /** Did not parse. */
    UNKNOWN;

    static QueryClass ofCode(int code) {
        QueryClass[] classes = values();
        return code >= 0 && code < classes.length ? classes[code] : UNKNOWN;
    }
}
