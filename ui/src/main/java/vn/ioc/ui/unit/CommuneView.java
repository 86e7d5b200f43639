package vn.ioc.ui.unit;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.base.MainLayout;
import vn.ioc.ui.data.DashboardData;

/** A commune's page: {@code commune/CODE?kpi=...&period=...}. */
@Route(value = "commune/:code", layout = MainLayout.class)
@PermitAll
public final class CommuneView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final DashboardData data;

    public CommuneView(DashboardData data) {
        this.data = data;
        addClassName("commune-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(UnitRoute.page(data, event, UnitLevel.COMMUNE, "commune"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.commune");
    }
}
