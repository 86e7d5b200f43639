package vn.ioc.ui.briefing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Briefings on a schedule: written to a folder and mailed through a real SMTP server (GreenMail) on loopback. */
@SpringBootTest(classes = IocDashboard.class)
class ScheduledBriefingsTest {
    private static GreenMail smtp;
    private static Path folder;
    @Autowired
    private ScheduledBriefings briefings;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        DashboardTestData.register(registry);
        smtp = DashboardTestData.smtp(registry);
        folder = Files.createTempDirectory("ioc-briefings");
        registry.add("ioc.briefings.folder", folder::toString);
        registry.add("ioc.briefings.provinces", () -> "01, 79");
        registry.add("ioc.briefings.mail-to", () -> "lanhdao@hanoi.gov.vn,vanphong@hcm.gov.vn");
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Test
    void briefingsAreWrittenForTheChosenProvincesAndMailed() throws Exception {
        ScheduledBriefings.Run run = briefings.make(Instant.parse("2026-11-25T00:00:00Z"));
        assertEquals(List.of("briefing-01-2026-10-20261125-0700.pdf", "briefing-79-2026-10-20261125-0700.pdf"),
                run.written().stream().map(file -> file.getFileName().toString()).toList(), "07:00 in Vietnam");
        assertTrue(run.written().stream().allMatch(file -> file.getParent().equals(folder)));
        assertTrue(text(Files.readAllBytes(run.written().get(1))).contains("Bản tin điều hành · Hồ Chí Minh"));
        assertEquals(List.of("lanhdao@hanoi.gov.vn", "vanphong@hcm.gov.vn"), run.mailedTo());

        assertTrue(smtp.waitForIncomingEmail(10_000, 2), "one message to each recipient");
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertEquals("Bản tin điều hành · Tháng 10/2026", message.getSubject());
        List<String> attached = new ArrayList<>();
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                attached.add(parts.getBodyPart(i).getFileName());
                if (parts.getBodyPart(i).getFileName().startsWith("briefing-01")) {
                    assertTrue(text(parts.getBodyPart(i).getInputStream().readAllBytes()).contains("Bản tin điều hành · Hà Nội"));
                }
            }
        }
        assertEquals(List.of("briefing-01-2026-10-20261125-0700.pdf", "briefing-79-2026-10-20261125-0700.pdf"), attached);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
