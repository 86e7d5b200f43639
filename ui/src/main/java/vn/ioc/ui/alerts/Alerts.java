package vn.ioc.ui.alerts;

import org.springframework.stereotype.Component;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.PlausibleRange;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.access.DashboardUser;
import vn.ioc.ui.access.Refusals;
import vn.ioc.ui.access.Role;
import vn.ioc.ui.access.ScopeRefusal;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.live.LiveBoard;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The alerts as the signed-in user may see and set them: an admin sets rules anywhere, a provincial leader for their
 * own province; everyone sees the firings of the units whose detail they see (a leader, their province's), and those
 * who may set rules there acknowledge them. Rules are checked before they are kept; a refusal names the field.
 */
@Component
public final class Alerts {
    private final DashboardData data;
    private final AlertStore store;
    private final Refusals refusals;
    private final AlertEvaluator evaluator;
    private final LiveBoard live;

    public Alerts(DashboardData data, AlertStore store, Refusals refusals, AlertEvaluator evaluator, LiveBoard live) {
        this.live = live;
        this.data = data;
        this.store = store;
        this.refusals = refusals;
        this.evaluator = evaluator;
    }

    /** A rule as asked for, before it is checked. */
    public record Draft(AlertRule.Kind kind, String kpi, String scope, UnitLevel level, Double threshold, Integer places) {
    }

    /** Whether the signed-in user may set rules (and acknowledge firings) somewhere. */
    public boolean setsRules() {
        Role role = data.user().role();
        return role == Role.ADMIN || role == Role.PROVINCIAL_LEADER;
    }

    /** The scopes the signed-in user may set rules for: the nation and every province for an admin, a leader's own province. */
    public List<Unit> scopes() {
        DashboardUser user = data.user();
        if (user.role() == Role.ADMIN) {
            return Stream.concat(Stream.of(Unit.NATION), data.catalogue().provinces().stream()).toList();
        }
        return user.role() == Role.PROVINCIAL_LEADER ? List.of(data.catalogue().unit(user.province().orElseThrow())) : List.of();
    }

    /** The rules the signed-in user sees: those of the scopes whose detail they see. */
    public List<AlertRule> rules() {
        return store.rules().stream().filter(rule -> data.seesDetailOf(data.catalogue().unit(rule.scope()))).toList();
    }

    /** The firings the signed-in user sees, the newest first. */
    public List<AlertFiring> firings() {
        return store.firings().stream().filter(firing -> data.seesDetailOf(data.catalogue().unit(firing.unit()))).toList();
    }

    /** Keeps a rule, and evaluates it at once on the latest month (a KPI-store build evaluates every rule again). */
    public AlertRule add(Draft draft) {
        AlertRule rule = check(draft);
        store.add(rule);
        evaluator.evaluate(List.of(rule));
        return rule;
    }

    public void remove(String id) {
        AlertRule rule = store.rule(id).orElseThrow(() -> new NoSuchElementException("no alert rule " + id));
        allowSetting(data.catalogue().unit(rule.scope()));
        store.remove(id);
    }

    public AlertFiring acknowledge(String id) {
        AlertFiring firing = store.firings().stream().filter(fired -> fired.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no alert " + id));
        Unit unit = data.catalogue().unit(firing.unit());
        allowSetting(unit.level() == UnitLevel.COMMUNE ? data.catalogue().parent(unit) : unit);
        String by = data.user().name();
        return store.update(id, fired -> fired.acknowledged() ? fired : fired.acknowledge(by, Instant.now())).orElseThrow();
    }

    /** Checks a draft against the catalogue, the units and the user's scope; a refusal names the field. */
    AlertRule check(Draft draft) {
        if (draft.kind() == null) {
            throw new AlertRuleException("kind", "choose what the rule watches", "alerts.error.kind");
        }
        if (draft.kind().live() && !live.configured()) {
            throw new AlertRuleException("kind", "no live feed is connected", "alerts.error.live");
        }
        Kpi kpi = Optional.ofNullable(draft.kind().live() ? AlertRule.LIVE_KPI : draft.kpi()).filter(id -> data.catalogue().kpis().stream().anyMatch(known -> known.id().equals(id)))
                .map(id -> data.catalogue().kpi(id))
                .orElseThrow(() -> new AlertRuleException("kpi", "unknown indicator '" + draft.kpi() + "'", "alerts.error.kpi", String.valueOf(draft.kpi())));
        Unit scope;
        try {
            scope = data.catalogue().unit(draft.scope() == null ? "" : draft.scope());
        } catch (RuntimeException e) {
            throw new AlertRuleException("scope", "unknown unit '" + draft.scope() + "' (VN or a province code)", "alerts.error.scope", String.valueOf(draft.scope()));
        }
        if (scope.level() == UnitLevel.COMMUNE) {
            throw new AlertRuleException("scope", "a rule covers the nation or a province, not commune " + scope.code(), "alerts.error.scope", scope.code());
        }
        allowSetting(scope);
        UnitLevel level = draft.level() == null ? UnitLevel.PROVINCE : draft.level();
        if (level == UnitLevel.NATION) {
            throw new AlertRuleException("level", "units are provinces or communes", "alerts.error.level");
        }
        if (level == UnitLevel.COMMUNE && (!kpi.keptByCommune() || draft.kind().live())) {
            throw new AlertRuleException("level", kpi.id() + " is not read by commune", "alerts.error.commune", kpi.id());
        }
        Double threshold = null;
        Integer places = null;
        switch (draft.kind()) {
            case BELOW, ABOVE -> {
                threshold = draft.threshold();
                PlausibleRange range = kpi.plausible();
                if (threshold == null || threshold.isNaN() || threshold.isInfinite() || range != null && !range.contains(threshold)) {
                    throw new AlertRuleException("threshold", threshold + " is outside what " + kpi.id() + " can be (" + range + ")",
                            "alerts.error.threshold", threshold == null ? "—" : threshold, range == null || range.min() == null ? "—" : range.min(),
                            range == null || range.max() == null ? "—" : range.max());
                }
            }
            case RANK_DROP -> {
                places = draft.places();
                if (places == null || places < 1 || places > 3_321) {
                    throw new AlertRuleException("places", "places lost must be 1 or more, not " + places, "alerts.error.places", String.valueOf(places));
                }
            }
            case OFF_TRACK -> {
                if (kpi.targets().isEmpty()) {
                    throw new AlertRuleException("kpi", kpi.id() + " has no target to be off track of", "alerts.error.target", kpi.id());
                }
            }
            case LIVE_BACKLOG -> {
                threshold = draft.threshold();
                if (threshold == null || threshold.isNaN() || threshold.isInfinite() || threshold < 0 || threshold != Math.rint(threshold)) {
                    throw new AlertRuleException("threshold", "open applications are a whole number, 0 or more, not " + threshold,
                            "alerts.error.count", threshold == null ? "—" : threshold);
                }
            }
            case DATA_MISSING -> {
                // Any indicator: a month without its data is missing or late.
            }
        }
        return new AlertRule(UUID.randomUUID().toString(), draft.kind(), kpi.id(), scope.code(), level, threshold, places, data.user().name(), Instant.now());
    }

    private void allowSetting(Unit scope) {
        DashboardUser user = data.user();
        boolean allowed = user.role() == Role.ADMIN
                || user.role() == Role.PROVINCIAL_LEADER && scope.level() == UnitLevel.PROVINCE && user.province().orElse("").equals(scope.code());
        if (!allowed) {
            refusals.refused(ScopeRefusal.Reason.ALERTS, user, "the alerts of " + scope.name());
            throw new ScopeRefusal(ScopeRefusal.Reason.ALERTS, scope.code(), user.province(), user.name() + " may not set or acknowledge the alerts of "
                    + scope.name() + user.province().map(own -> " (may for province " + own + " only)").orElse(" (admins and provincial leaders may)"));
        }
    }
}
