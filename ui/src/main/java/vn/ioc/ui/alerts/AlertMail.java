package vn.ioc.ui.alerts;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.Language;
import vn.ioc.ui.data.Catalogue;
import vn.ioc.ui.export.Texts;
import com.vaadin.flow.i18n.I18NProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Mails the firings of an evaluation to their province's leaders, one message per province listing them ({@code ioc.alerts.mail-to.<province code>}, addresses separated by
 * commas) where a mail server is configured ({@code spring.mail.host}...). A send that fails is tried again, waiting
 * {@link #FIRST_WAIT} then twice as long each time, {@value #ATTEMPTS} times in all; then the firing says it failed.
 * Every attempt's outcome is kept with the firing and shown on the Alerts page: a failure is never silent.
 */
@Component
public final class AlertMail {
    static final int ATTEMPTS = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AlertMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final Environment environment;
    private final I18NProvider translations;
    private final AlertStore store;
    private final Locale language;
    private final String from;

    public AlertMail(ObjectProvider<JavaMailSender> mail, Environment environment, I18NProvider translations, AlertStore store,
                     @Value("${ioc.alerts.language:vi}") String language, @Value("${ioc.alerts.mail-from:ioc@localhost}") String from) {
        this.mail = mail;
        this.environment = environment;
        this.translations = translations;
        this.store = store;
        this.language = language.equals("en") ? Language.ENGLISH : Language.VIETNAMESE;
        this.from = from;
    }

    /** The addresses of a province's leaders. */
    List<String> recipients(String province) {
        return Arrays.stream(environment.getProperty("ioc.alerts.mail-to." + province, "").split(",")).map(String::strip)
                .filter(address -> !address.isEmpty()).toList();
    }

    /**
     * Sends firings now (first tries, or retries): one message per province to its leaders, listing them; the outcome is
     * kept with each firing.
     */
    void send(List<AlertFiring> firings, Catalogue catalogue, Instant now) {
        firings.stream().collect(Collectors.groupingBy(AlertFiring::province, TreeMap::new, Collectors.toList()))
                .forEach((province, ofProvince) -> send(province, ofProvince, catalogue, now));
    }

    private void send(String province, List<AlertFiring> firings, Catalogue catalogue, Instant now) {
        List<String> to = recipients(province);
        JavaMailSender sender = mail.getIfAvailable();
        if (to.isEmpty() || sender == null) {
            store.update(ids(firings), fired -> fired.withMail(AlertFiring.Mail.NONE));
            return;
        }
        int attempt = firings.stream().mapToInt(firing -> firing.mail().attempts()).max().orElse(0) + 1;
        AlertFiring.Mail outcome;
        try {
            Texts texts = (key, parameters) -> translations.getTranslation(key, language, parameters);
            Formats formats = new Formats(language);
            List<String> lines = firings.stream().map(firing -> AlertText.of(texts, formats, catalogue, firing)).toList();
            var message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(lines.size() == 1 ? texts.get("alerts.mail.subject", lines.getFirst())
                    : texts.get("alerts.mail.subject.many", lines.size(), formats.name(catalogue.unit(province))));
            helper.setText(texts.get("alerts.mail.body", lines.stream().map(line -> "- " + line).collect(Collectors.joining("\n"))));
            sender.send(message);
            outcome = new AlertFiring.Mail(AlertFiring.Mail.Status.SENT, attempt, to, "", now);
            LOG.info("{} alert(s) of province {} mailed to {}", firings.size(), province, to);
        } catch (MessagingException | RuntimeException e) {
            AlertFiring.Mail.Status status = attempt >= ATTEMPTS ? AlertFiring.Mail.Status.FAILED : AlertFiring.Mail.Status.PENDING;
            outcome = new AlertFiring.Mail(status, attempt, to, e.getMessage(), now);
            LOG.warn("{} alert(s) of province {} not mailed to {} (attempt {} of {}{}): {}", firings.size(), province, to, attempt, ATTEMPTS,
                    status == AlertFiring.Mail.Status.FAILED ? ", given up" : "", e.getMessage());
        }
        AlertFiring.Mail mailed = outcome;
        store.update(ids(firings), fired -> fired.withMail(mailed));
    }

    private static Set<String> ids(List<AlertFiring> firings) {
        return firings.stream().map(AlertFiring::id).collect(Collectors.toSet());
    }

    /** Tries again the firings whose mail failed and whose wait is over. */
    void retry(Catalogue catalogue, Instant now) {
        send(store.firings().stream().filter(firing -> firing.mail().status() == AlertFiring.Mail.Status.PENDING
                && !now.isBefore(firing.mail().last().plus(FIRST_WAIT.multipliedBy(1L << (firing.mail().attempts() - 1))))).toList(), catalogue, now);
    }
}
