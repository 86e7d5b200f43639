package vn.ioc.ui.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import vn.ioc.ui.data.WarehouseUnavailableException;

/** The warehouse is down and this page never had figures: says so, and retries by itself. */
@ParentLayout(MainLayout.class)
@PermitAll
public final class WarehouseDownView extends VerticalLayout implements HasErrorParameter<WarehouseUnavailableException> {
    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<WarehouseUnavailableException> parameter) {
        removeAll();
        addClassName("warehouse-down");
        add(new H2(getTranslation("down.title")), new Paragraph(getTranslation("down.detail")));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }

    public WarehouseDownView() {
        Retry.whileShown(this);
    }
}
