package vn.ioc.ui.alerts;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The alerts through the JSON API, as the Alerts page has them: the same scoping, the same checks. */
@RestController
@RequestMapping("/api/alerts")
public final class AlertsApi {
    private final Alerts alerts;

    public AlertsApi(Alerts alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "What fired for the units the user sees, newest first")
    @GetMapping
    public List<AlertFiring> firings() {
        return alerts.firings();
    }

    @Operation(summary = "The alert rules of the scopes the user sees")
    @GetMapping("/rules")
    public List<AlertRule> rules() {
        return alerts.rules();
    }

    @Operation(summary = "Sets a rule (an admin anywhere, a provincial leader for their province); a refusal names the field")
    @PostMapping("/rules")
    public AlertRule add(@RequestBody Alerts.Draft draft) {
        return alerts.add(draft);
    }

    @DeleteMapping("/rules/{id}")
    public void remove(@PathVariable String id) {
        alerts.remove(id);
    }

    @PostMapping("/{id}/acknowledge")
    public AlertFiring acknowledge(@PathVariable String id) {
        return alerts.acknowledge(id);
    }
}
