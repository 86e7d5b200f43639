package vn.ioc.ui.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.annotation.security.PermitAll;

/**
 * An unknown page, province, commune, indicator or period: says so in the user's language, with what the lookup
 * found wrong (the service's words, marked as the technical detail), and offers the way back.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public final class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {
    /** Longer addresses are shortened when shown. */
    private static final int ADDRESS_SHOWN = 120;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("not-found");
        String address = "/" + event.getLocation().getPathWithQueryParameters();
        add(new H2(getTranslation("notfound.title")), new Paragraph(getTranslation("notfound.detail",
                address.length() > ADDRESS_SHOWN ? address.substring(0, ADDRESS_SHOWN) + "…" : address)));
        if (parameter.hasCustomMessage()) {
            Paragraph technical = new Paragraph(getTranslation("notfound.technical", parameter.getCustomMessage()));
            technical.addClassName("technical");
            add(technical);
        }
        add(new Anchor("", getTranslation("notfound.back")));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.notfound");
    }
}
