package vn.ioc.ui.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import vn.ioc.ui.access.ScopeRefusal;
import vn.ioc.ui.access.ScopeRefusal.Reason;
import vn.ioc.ui.data.Catalogue;
import vn.ioc.ui.data.DashboardData;

/**
 * What a user sees on asking for something outside their scope (the service refused it and logged it): what was
 * refused and why, in their language, and what they may see instead.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public final class RefusedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {
    private final DashboardData data;

    public RefusedView(DashboardData data) {
        this.data = data;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        addClassName("refused");
        add(new H2(getTranslation("refused.title")), new Paragraph(why(parameter.getException())), new Paragraph(getTranslation("refused.logged")));
        boolean wallDevice = parameter.getException() instanceof ScopeRefusal refusal && refusal.reason() == Reason.WALL_ONLY;
        if (!wallDevice) {
            add(new Anchor("", getTranslation("notfound.back")));
        }
        return HttpServletResponse.SC_FORBIDDEN;
    }

    /** What was refused and why: the rule that refused it, naming the unit asked for and the user's own province. */
    private String why(AccessDeniedException refused) {
        if (!(refused instanceof ScopeRefusal refusal)) {
            return getTranslation("refused.detail");
        }
        Formats formats = new Formats(getLocale());
        Catalogue catalogue = data.catalogue();
        String own = refusal.own().map(code -> formats.name(catalogue.unit(code))).orElse("");
        return getTranslation("refused." + refusal.reason().name(), formats.name(catalogue.unit(refusal.asked())), own);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("refused.title");
    }
}
