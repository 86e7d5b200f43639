package vn.ioc.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Locale;

/** Vietnamese by default, English on request; the choice is kept for the session. Texts: {@code vaadin-i18n/translations_*.properties}. */
@Configuration
public class Language {
    public static final Locale VIETNAMESE = Locale.of("vi", "VN");
    public static final Locale ENGLISH = Locale.of("en", "GB");
    /** The session attribute holding the language chosen with the toggle (the browser's language is not asked). */
    private static final String CHOSEN = "ioc.language";

    @Bean
    I18NProvider translations() {
        return new DefaultI18NProvider(List.of(VIETNAMESE, ENGLISH), Language.class.getClassLoader());
    }

    @Bean
    VaadinServiceInitListener vietnameseFirst() {
        return (ServiceInitEvent event) -> event.getSource().addUIInitListener(init -> {
            Locale chosen = (Locale) init.getUI().getSession().getAttribute(CHOSEN);
            init.getUI().setLocale(chosen == null ? VIETNAMESE : chosen);
        });
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && locale.getLanguage().equals("en");
    }

    /** Switches the session to the other language and shows the current view again in it. */
    public static void toggle(UI ui) {
        Locale next = isEnglish(ui.getLocale()) ? VIETNAMESE : ENGLISH;
        ui.getSession().setAttribute(CHOSEN, next);
        ui.setLocale(next);
        ui.refreshCurrentRoute(true);
    }

    /** Picks the Vietnamese or English text of a pair. */
    public static String pick(Locale locale, String vi, String en) {
        return isEnglish(locale) && en != null && !en.isBlank() ? en : vi;
    }
}
