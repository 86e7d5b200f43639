package vn.ioc.analytics.units;

/** The levels indicators are read at since the 2025 reform: the nation, its 34 provinces, their 3,321 communes. */
public enum UnitLevel { NATION, PROVINCE, COMMUNE }
