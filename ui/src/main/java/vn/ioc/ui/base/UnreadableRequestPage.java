package vn.ioc.ui.base;

import io.micrometer.core.instrument.Metrics;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.ioc.ui.access.Refusals;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The page for a request the web server cannot read at all (an address or headers over the limit, a malformed request
 * line): it never reaches the application, so the web server's error valve answers it, with the application's own
 * words in both languages (the request's language cannot be read either) and the way back, instead of the server's
 * bare report. Each such refusal is logged.
 */
public final class UnreadableRequestPage extends ErrorReportValve {
    /** Made by the web server, not by Spring: counted in the registry Spring Boot adds to Micrometer's global one. */
    private final Refusals refusals = new Refusals(Metrics.globalRegistry);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status != 400 && status != 414 && status != 431 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            super.report(request, response, throwable);
            return;
        }
        refusals.refused("unreadable-request", request.getRemoteAddr(), "a request the web server could not read (HTTP " + status
                + "): its address or headers are too long or malformed" + (throwable == null ? "" : ": " + throwable.getMessage()));
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        ResourceBundle vi = texts("vi");
        page.append("<title>").append(escaped(vi, "title.unreadable")).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em;line-height:1.5}"
                        + "section+section{border-top:1px solid #ccc;margin-top:2em}</style></head><body>");
        for (ResourceBundle texts : new ResourceBundle[]{vi, texts("en")}) {
            page.append("<section lang=\"").append(texts.getLocale().getLanguage()).append("\"><h2>").append(escaped(texts, "title.unreadable"))
                    .append("</h2><p>").append(escaped(texts, "unreadable.detail")).append("</p><p><a href=\"/\">")
                    .append(escaped(texts, "notfound.back")).append("</a></p></section>");
        }
        page.append("</body></html>");
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page.toString());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone: nothing more to say to it.
        }
    }

    private static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle("vaadin-i18n.translations", Locale.forLanguageTag(language));
    }

    private static String escaped(ResourceBundle texts, String key) {
        return HtmlUtils.htmlEscape(texts.getString(key), "UTF-8");
    }

    /** Puts the page in the place of the web server's own error report, after Spring Boot has set that up. */
    @Component
    static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(UnreadableRequestPage.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
