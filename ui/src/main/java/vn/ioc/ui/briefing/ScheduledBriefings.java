package vn.ioc.ui.briefing;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.ui.access.CurrentUser;
import vn.ioc.ui.access.DashboardUser;
import vn.ioc.ui.access.Role;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.Language;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.export.Downloads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Briefings made on a schedule ({@code ioc.briefings.cron}, Vietnam time, e.g. {@code 0 0 7 * * *} for 07:00 every
 * morning; none by default): a PDF per province ({@code ioc.briefings.provinces}, all by default) for the latest month,
 * written to a folder ({@code ioc.briefings.folder}) and mailed to {@code ioc.briefings.mail-to} where SMTP is
 * configured ({@code spring.mail.host} ...). A province that cannot be briefed is logged and the others still are.
 */
@Component
public final class ScheduledBriefings {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBriefings.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Who scheduled briefings are made as: every province, read only. */
    private static final DashboardUser SCHEDULE = new DashboardUser("briefings", Role.NATIONAL_VIEWER, Optional.empty(), "{noop}");

    /** What one run made: the files written, and to whom they were mailed (none where no SMTP or no recipients). */
    public record Run(List<Path> written, List<String> mailedTo) {
    }

    private final DashboardData data;
    private final CurrentUser currentUser;
    private final I18NProvider translations;
    private final ObjectProvider<JavaMailSender> mail;
    private final Path folder;
    private final List<String> provinces;
    private final Locale language;
    private final List<String> mailTo;
    private final String from;

    public ScheduledBriefings(DashboardData data, CurrentUser currentUser, I18NProvider translations, ObjectProvider<JavaMailSender> mail,
                              @Value("${ioc.briefings.folder:var/briefings}") Path folder, @Value("${ioc.briefings.provinces:}") String provinces,
                              @Value("${ioc.briefings.language:vi}") String language, @Value("${ioc.briefings.mail-to:}") String mailTo,
                              @Value("${ioc.briefings.mail-from:ioc@localhost}") String from) {
        this.data = data;
        this.currentUser = currentUser;
        this.translations = translations;
        this.mail = mail;
        this.folder = folder;
        this.provinces = list(provinces);
        this.language = language.equals("en") ? Language.ENGLISH : Language.VIETNAMESE;
        this.mailTo = list(mailTo);
        this.from = from;
    }

    @Scheduled(cron = "${ioc.briefings.cron:-}", zone = "Asia/Ho_Chi_Minh")
    public void onSchedule() {
        Run run = make(Instant.now());
        LOG.info("briefings: {} written to {}{}", run.written().size(), folder.toAbsolutePath(), run.mailedTo().isEmpty() ? "" : ", mailed to " + run.mailedTo());
    }

    public Run make(Instant now) {
        return currentUser.as(SCHEDULE, () -> {
            Formats formats = new Formats(language);
            Period period = Period.month(data.latestMonth());
            BriefingPdf pdf = new BriefingPdf(formats, (key, parameters) -> translations.getTranslation(key, language, parameters));
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(VIETNAM).format(now);
            List<Path> written = new ArrayList<>();
            for (Unit province : data.catalogue().provinces().stream().sorted(Comparator.comparing(Unit::code)).toList()) {
                if (!provinces.isEmpty() && !provinces.contains(province.code())) {
                    continue;
                }
                try {
                    Briefing briefing = new BriefingAssembler(data).assemble(province, period);
                    written.add(write(folder.resolve("briefing-" + province.code() + "-" + period.code() + "-" + stamp + ".pdf"),
                            out -> pdf.write(briefing, now, out)));
                } catch (RuntimeException e) {
                    LOG.error("briefing of {} for {} could not be made: {}", province.name(), period.code(), e.getMessage(), e);
                }
            }
            return new Run(written, mail(written, formats.period(period), now));
        });
    }

    private List<String> mail(List<Path> written, String period, Instant now) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || mailTo.isEmpty() || written.isEmpty()) {
            return List.of();
        }
        try {
            var message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mailTo.toArray(String[]::new));
            helper.setSubject(translations.getTranslation("briefing.mail.subject", language, period));
            helper.setText(translations.getTranslation("briefing.mail.body", language, period, written.size(),
                    DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VIETNAM).format(now)));
            for (Path file : written) {
                helper.addAttachment(file.getFileName().toString(), file.toFile());
            }
            sender.send(message);
            return mailTo;
        } catch (MessagingException | RuntimeException e) {
            LOG.error("briefings written but not mailed to {}: {}", mailTo, e.getMessage(), e);
            return List.of();
        }
    }

    /** Writes a file whole or not at all. */
    private static Path write(Path file, Downloads.FileWriter writer) {
        try {
            return FileTrees.writeWhole(file, writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException("briefing " + file + " could not be written: " + e.getMessage(), e);
        }
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
