package vn.ioc.ui.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import vn.ioc.ui.access.CurrentUser;
import vn.ioc.ui.access.DashboardUser;
import vn.ioc.ui.access.Role;
import org.springframework.beans.factory.annotation.Value;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.WarehouseUnavailableException;

/**
 * The frame around every view: title, navigation, language, the signed-in user. The menu lists only pages the user may
 * open (none for a wall device, the Live page only when a live source is connected).
 */
@PermitAll
public final class MainLayout extends AppLayout {
    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication, DashboardData data,
                      @Value("${ioc.live.druid-url:${IOC_DRUID_URL:}}") String liveSource) {
        DashboardUser user = currentUser.get();
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("app-title");
        Button language = new Button(getTranslation("language.other"), click -> Language.toggle(getUI().orElseThrow()));
        language.setId("language");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Span who = new Span(user.name() + " · " + getTranslation("role." + user.role().name()) + user.province().map(p -> " " + p).orElse(""));
        who.addClassName("who");
        Button signOut = new Button(getTranslation("signout"), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout right = new HorizontalLayout(language, who, signOut);
        try {
            right.addComponentAsFirst(new SimulatedDataLabel(new Formats(getLocale()), data.freshness().value()));
        } catch (WarehouseUnavailableException e) {
            // The views say the warehouse is down; the label comes back with the next page.
        }
        right.addClassName("header-right");
        right.setAlignItems(HorizontalLayout.Alignment.CENTER);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, right);
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.expand(title);
        addToNavbar(header);

        addToDrawer(menu(user, liveSource));
        setPrimarySection(Section.NAVBAR);
    }

    /** The pages this user may open: none for a wall device, the Live page only with a live source connected. */
    private SideNav menu(DashboardUser user, String liveSource) {
        SideNav nav = new SideNav();
        if (user.role() == Role.WALL) {
            return nav;
        }
        nav.addItem(new SideNavItem(getTranslation("nav.overview"), ""),
                new SideNavItem(getTranslation("nav.rankings"), "rankings"),
                new SideNavItem(getTranslation("nav.map"), "map"));
        if (!liveSource.isBlank()) {
            nav.addItem(new SideNavItem(getTranslation("nav.live"), "live"));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.alerts"), "alerts"), new SideNavItem(getTranslation("nav.quality"), "quality"),
                new SideNavItem(getTranslation("nav.definitions"), "definitions"));
        if (user.role().plans()) {
            nav.addItem(new SideNavItem(getTranslation("nav.planning.vaccines"), "planning/vaccines"),
                    new SideNavItem(getTranslation("nav.planning.schools"), "planning/schools"));
        }
        return nav;
    }
}
