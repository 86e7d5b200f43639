package vn.ioc.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.live.LiveBoard;
import vn.ioc.ui.live.LiveView;
import vn.ioc.ui.overview.OverviewView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Live page, browserless, with a Druid configured at an address where nothing answers: it says Druid cannot be
 * reached and marks itself stale, and the rest of the dashboard works. (Its figures from a real Druid are checked in
 * analytics' LiveStreamTest.)
 */
@SpringBootTest(classes = IocDashboard.class)
@ViewPackages(packages = "vn.ioc.ui")
@WithMockUser(username = "hanoi")
class LiveViewTest extends SpringBrowserlessTest {
    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
        try (ServerSocket socket = new ServerSocket(0)) {
            registry.add("ioc.live.druid-url", () -> "http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUnreachableDruidIsSaidAndTheRestOfTheDashboardIsUnaffected() {
        UI.getCurrent().navigate("live");
        assertInstanceOf(LiveView.class, getCurrentView());
        assertEquals("Trực tiếp · dịch vụ công · Hà Nội", $(H2.class).first().getText(), "the user's own province first");
        assertEquals("Không kết nối được Druid; sẽ thử lại sau vài giây.", $(Div.class).withClassName("live-note").first().getText());
        assertTrue($(Span.class).withId("live-stamp").first().getText().startsWith("Mất kết nối Druid"));
        assertTrue($(Div.class).withClassName("live-tile").all().isEmpty());

        UI.getCurrent().navigate("");
        assertInstanceOf(OverviewView.class, getCurrentView());
    }

    @Test
    void withoutADruidTheLivePartsSaySo() {
        LiveBoard.Reading reading = new LiveBoard("", "service_events", 1000).read(Optional.empty());
        assertFalse(reading.configured());
        assertTrue(reading.figures().isEmpty() && !reading.stale());
    }
}
