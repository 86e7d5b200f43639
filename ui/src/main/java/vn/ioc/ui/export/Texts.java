package vn.ioc.ui.export;

/** Translations by key, with parameters for {@code {0}}, {@code {1}}...: a view's {@code getTranslation}. */
@FunctionalInterface
public interface Texts {
    String get(String key, Object... parameters);
}
