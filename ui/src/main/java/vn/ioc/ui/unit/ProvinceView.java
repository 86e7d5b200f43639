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

/** A province's page: {@code province/CODE?kpi=...&period=...}. */
@Route(value = "province/:code", layout = MainLayout.class)
@PermitAll
public final class ProvinceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final DashboardData data;

    public ProvinceView(DashboardData data) {
        this.data = data;
        addClassName("province-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(UnitRoute.page(data, event, UnitLevel.PROVINCE, "province"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.province");
    }
}
