package vn.ioc.analytics.catalogue;

import java.util.Locale;

/** A text in Vietnamese, the product's default language, and in English. */
public record LocalizedText(String vi, String en) {
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : vi;
    }
}
