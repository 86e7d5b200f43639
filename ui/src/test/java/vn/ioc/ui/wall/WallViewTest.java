package vn.ioc.ui.wall;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.IocDashboard;
import vn.ioc.ui.base.NotFoundView;
import vn.ioc.ui.base.RefusedView;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wall screens, browserless, as Hà Nội's wall device over the fixture's real warehouse. */
@SpringBootTest(classes = IocDashboard.class)
@ViewPackages(packages = "vn.ioc.ui")
@WithMockUser(username = "manhinh", roles = "WALL")
class WallViewTest extends SpringBrowserlessTest {
    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        DashboardTestData.register(registry);
    }

    private String heading() {
        return $(H2.class, $(Div.class).withId("wall-slide").first()).first().getText();
    }

    @Test
    void theSlidesTurnInTheirOrderAboutTheDevicesProvince() {
        UI.getCurrent().navigate("wall/nhanh");
        WallView wall = assertInstanceOf(WallView.class, getCurrentView());
        assertTrue(heading().startsWith("Các chỉ tiêu · Hà Nội"), heading());
        int tiles = $(Div.class).withClassName("wall-tile").all().size();
        assertTrue(tiles > 0 && tiles <= 12, tiles + " tiles");
        assertTrue($(Span.class).withId("wall-stamp").first().getText().startsWith("Số liệu cập nhật"));
        assertFalse($(Span.class).withId("wall-ticker").first().getText().isBlank(), "the ticker has the alerts");

        List<String> seen = new java.util.ArrayList<>(List.of(heading()));
        for (int slide = 1; slide < 5; slide++) {
            for (int second = 0; second < 3; second++) {
                wall.tick();
            }
            seen.add(heading());
        }
        assertTrue(seen.get(1).startsWith("Xếp hạng"), seen.toString());
        assertTrue(seen.get(2).startsWith("Bản đồ"), seen.toString());
        assertTrue(seen.get(3).startsWith("Xu hướng · Tỷ lệ hồ sơ trực tuyến"), seen.toString());
        assertTrue(seen.get(4).startsWith("Cảnh báo · Hà Nội"), seen.toString());
        for (int second = 0; second < 3; second++) {
            wall.tick();
        }
        assertEquals(seen.getFirst(), heading(), "round again");
        assertTrue($(Div.class).withClassName("wall-rank").all().isEmpty(), "one slide at a time");
    }

    @Test
    void unknownPlaylistsAndOtherProvincesAreRefused() {
        UI.getCurrent().navigate("wall/khong-co");
        assertInstanceOf(NotFoundView.class, getCurrentView());
        UI.getCurrent().navigate("wall/hcm");
        assertInstanceOf(RefusedView.class, getCurrentView());
    }

    @Test
    void aPlaylistsFileWithAMistakeSaysWhere() {
        String message = assertThrows(IllegalArgumentException.class, () -> WallPlaylists.parse(
                "{\"playlists\": [{\"id\": \"a\", \"slides\": [\"board\"]}, {\"id\": \"b\", \"slides\": [\"board\", \"chart\"]}]}", "walls.json")).getMessage();
        assertTrue(message.contains("walls.json, playlist 2 ('b'): unknown slide 'chart'"), message);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WallPlaylists.parse("{\"playlists\": [{\"id\": \"a\", \"seconds\": 1, \"slides\": [\"map\"]}]}",
                "walls.json")).getMessage().contains("at least 3 seconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WallPlaylists.parse("[", "walls.json")).getMessage().startsWith("walls.json: not JSON"));
        assertEquals(3, WallPlaylists.read(Path.of("src/test/resources/walls.json")).size());
    }
}
