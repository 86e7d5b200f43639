package vn.ioc.analytics.catalogue;

/** A text in Vietnamese, the product's default language, and in English. */
public record LocalizedText(String vi, String en) {
}
