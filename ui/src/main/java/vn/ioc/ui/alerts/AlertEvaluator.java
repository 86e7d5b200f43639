package vn.ioc.ui.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.quality.DataFreshness;
import vn.ioc.analytics.ranking.RankedUnit;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.access.CurrentUser;
import vn.ioc.ui.access.DashboardUser;
import vn.ioc.ui.access.Role;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.Fresh;
import vn.ioc.ui.live.LiveBoard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates the alert rules on the latest month each time the KPI store has been rebuilt (seen within
 * {@code ioc.alerts.check}, 5 s by default), and the live rules at every check while a live feed is connected (the
 * Live page's figures, read at most every 2 s); stores what fires (once per rule, unit and month, or day for a live
 * rule) and mails it; tries failed mails again on the same beat.
 */
@Component
public final class AlertEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);
    /** Whom rules are evaluated as: every unit, read only. */
    private static final DashboardUser WATCH = new DashboardUser("alerts", Role.NATIONAL_VIEWER, Optional.empty(), "{noop}");

    private final DashboardData data;
    private final CurrentUser currentUser;
    private final AlertStore store;
    private final AlertMail mail;
    private final LiveBoard live;
    private Optional<Instant> evaluatedBuild;

    public AlertEvaluator(DashboardData data, CurrentUser currentUser, AlertStore store, AlertMail mail, LiveBoard live) {
        this.live = live;
        this.data = data;
        this.currentUser = currentUser;
        this.store = store;
        this.mail = mail;
    }

    @Scheduled(initialDelayString = "${ioc.alerts.check:PT5S}", fixedDelayString = "${ioc.alerts.check:PT5S}")
    public void check() {
        try {
            currentUser.as(WATCH, () -> {
                Fresh<DataFreshness> freshness = data.freshness();
                if (!freshness.stale() && freshness.value().storeBuiltAt().isPresent() && !freshness.value().storeBuiltAt().equals(evaluatedBuild)) {
                    evaluate(store.rules().stream().filter(rule -> !rule.kind().live()).toList());
                    evaluatedBuild = freshness.value().storeBuiltAt();
                }
                if (live.configured()) {
                    evaluate(store.rules().stream().filter(rule -> rule.kind().live()).toList());
                }
                mail.retry(data.catalogue(), Instant.now());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("alert rules not evaluated now, tried again at the next check: {}", e.getMessage());
        }
    }

    /** Evaluates every rule on the latest month; returns the firings new for their rule, unit and month. */
    public List<AlertFiring> evaluate() {
        return evaluate(store.rules());
    }

    /** Evaluates these rules on the latest month; returns the firings new for their rule, unit and month. */
    public synchronized List<AlertFiring> evaluate(List<AlertRule> rules) {
        return currentUser.as(WATCH, () -> {
            Period period = Period.month(data.latestMonth());
            Instant now = Instant.now();
            List<AlertFiring> candidates = new ArrayList<>();
            for (AlertRule rule : rules) {
                try {
                    candidates.addAll(firings(rule, period, now));
                } catch (RuntimeException e) {
                    LOG.warn("alert rule {} ({} {} in {}) could not be evaluated for {}: {}", rule.id(), rule.kind(), rule.kpi(), rule.scope(),
                            period.code(), e.getMessage());
                }
            }
            List<AlertFiring> fired = store.fire(candidates);
            mail.send(fired, data.catalogue(), now);
            if (!fired.isEmpty()) {
                LOG.info("alerts: {} new for {} ({} rules)", fired.size(), period.code(), rules.size());
            }
            return fired;
        });
    }

    /** A live rule: each province in its scope whose open applications right now are more than the threshold, once a day. */
    private List<AlertFiring> liveFirings(AlertRule rule, Instant now) {
        List<Unit> provinces = rule.scope().equals(Unit.NATION.code()) ? data.catalogue().provinces() : List.of(data.catalogue().unit(rule.scope()));
        List<AlertFiring> firings = new ArrayList<>();
        for (Unit province : provinces) {
            live.read(Optional.of(province.code())).figures().filter(figures -> figures.backlog() > rule.threshold()).ifPresent(figures ->
                    firings.add(new AlertFiring(UUID.randomUUID().toString(), rule.id(), rule.kind(), rule.kpi(), province.code(), province.code(),
                            LocalDate.ofInstant(figures.asOf(), Period.VIETNAM).toString(), (double) figures.backlog(), rule.threshold(), null, now, null,
                            null, AlertFiring.Mail.NONE)));
        }
        return firings;
    }

    private List<AlertFiring> firings(AlertRule rule, Period period, Instant now) {
        if (rule.kind().live()) {
            return liveFirings(rule, now);
        }
        boolean oneProvince = rule.level() == UnitLevel.PROVINCE && !rule.scope().equals(Unit.NATION.code());
        RankingQuery query = new RankingQuery(rule.kpi(), rule.level(), rule.level() == UnitLevel.PROVINCE ? Unit.NATION.code() : rule.scope(),
                period.code(), Set.of());
        List<RankedUnit> units = data.ranking(query).value().units();
        Map<String, Pace> paces = rule.kind() == AlertRule.Kind.OFF_TRACK
                ? data.paces(query).value().stream().collect(Collectors.toMap(Pace::unit, Function.identity())) : Map.of();
        List<AlertFiring> firings = new ArrayList<>();
        for (RankedUnit ranked : units) {
            Unit unit = ranked.value().unit();
            if (oneProvince && !unit.code().equals(rule.scope())) {
                continue;
            }
            Double value = ranked.value().value();
            boolean fires = switch (rule.kind()) {
                case BELOW -> value != null && value < rule.threshold();
                case ABOVE -> value != null && value > rule.threshold();
                case OFF_TRACK -> paces.containsKey(unit.code()) && paces.get(unit.code()).verdict() == Pace.Verdict.OFF_TRACK;
                case RANK_DROP -> ranked.rankChange() != null && ranked.rankChange() <= -rule.places();
                case DATA_MISSING -> value == null || ranked.value().asOfEarlierMonth();
            case LIVE_BACKLOG -> false;
            };
            if (fires) {
                String province = unit.level() == UnitLevel.COMMUNE ? unit.provinceCode() : unit.code();
                firings.add(new AlertFiring(UUID.randomUUID().toString(), rule.id(), rule.kind(), rule.kpi(), unit.code(), province, period.code(), value,
                        rule.threshold(), rule.places(), now, null, null, AlertFiring.Mail.NONE));
            }
        }
        return firings;
    }
}
