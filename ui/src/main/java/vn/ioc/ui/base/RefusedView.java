package vn.ioc.ui.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/** What a scoped user sees on asking for data outside their scope (the service refused it and logged it). */
@ParentLayout(MainLayout.class)
@PermitAll
public final class RefusedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {
    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        addClassName("refused");
        add(new H2(getTranslation("refused.title")), new Paragraph(getTranslation("refused.detail")), new Anchor("", getTranslation("notfound.back")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
