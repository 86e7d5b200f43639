-- Projections for the dashboard's reads, kept by the engine on every insert and merge (no summary tables of our own).

-- The KPI store in the order its point reads ask: level, province, KPI, month, unit (a unit's KPIs, a KPI's series of a
-- unit, a province's communes), beside the table's own order by KPI (all units of a KPI, as a ranking reads them).
ALTER TABLE kpi_values ADD PROJECTION IF NOT EXISTS by_unit
(
    SELECT * ORDER BY level, province_code, kpi, month, unit_code
);

ALTER TABLE kpi_values MATERIALIZE PROJECTION by_unit;

-- Applications by day: the nation's and the provinces' series and rankings over any span of days, and the communes'.
-- The online count is written as the engine rewrites sum(CASE WHEN channel = ... THEN applications ELSE 0 END).
ALTER TABLE service_facts ADD PROJECTION IF NOT EXISTS by_day
(
    SELECT day, province_code, sum(applications), sumIf(applications, channel = 'trực tuyến'), sum(resolved), sum(resolved_on_time),
           sum(overdue)
    GROUP BY day, province_code
);

ALTER TABLE service_facts MATERIALIZE PROJECTION by_day;

ALTER TABLE service_facts ADD PROJECTION IF NOT EXISTS by_commune_day
(
    SELECT day, province_code, commune_code, sum(applications), sumIf(applications, channel = 'trực tuyến'), sum(resolved),
           sum(resolved_on_time), sum(overdue)
    GROUP BY day, province_code, commune_code
);

ALTER TABLE service_facts MATERIALIZE PROJECTION by_commune_day;

-- Doses by day and province: the last 30 days of every province, a province's month. And the doses of one vaccine and
-- dose number in a province's communes to date (the table's order puts each commune's vaccines apart).
ALTER TABLE vaccination_facts ADD PROJECTION IF NOT EXISTS by_day
(
    SELECT day, province_code, vaccine, dose_number, sum(doses), sum(recorded_late)
    GROUP BY day, province_code, vaccine, dose_number
);

ALTER TABLE vaccination_facts MATERIALIZE PROJECTION by_day;

ALTER TABLE vaccination_facts ADD PROJECTION IF NOT EXISTS by_dose
(
    SELECT province_code, vaccine, dose_number, commune_code, day, sum(doses)
    GROUP BY province_code, vaccine, dose_number, commune_code, day
);

ALTER TABLE vaccination_facts MATERIALIZE PROJECTION by_dose;
