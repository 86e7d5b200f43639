package vn.ioc.ui.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.annotation.security.PermitAll;

/** An unknown page, province, commune or indicator: says which, and offers the way back. */
@ParentLayout(MainLayout.class)
@PermitAll
public final class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {
    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("not-found");
        String detail = parameter.hasCustomMessage() ? parameter.getCustomMessage() : event.getLocation().getPath();
        add(new H2(getTranslation("notfound.title")), new Paragraph(getTranslation("notfound.detail", detail)),
                new Anchor("", getTranslation("notfound.back")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
