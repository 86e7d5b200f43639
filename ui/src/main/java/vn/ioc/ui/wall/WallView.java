package vn.ioc.ui.wall;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.quality.DataFreshness;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.access.CurrentUser;
import vn.ioc.ui.access.DashboardUser;
import vn.ioc.ui.alerts.AlertFiring;
import vn.ioc.ui.alerts.AlertStore;
import vn.ioc.ui.alerts.AlertText;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.Language;
import vn.ioc.ui.base.ViewParams;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.Fresh;
import vn.ioc.ui.live.LiveBoard;
import vn.ioc.ui.map.ProvinceMap;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A wall screen ({@code /wall/<playlist>}): full screen, dark, large type, no controls; a clock and a "data as of"
 * stamp; the playlist's slides in turn, and a ticker of laggards and missed targets. It checks every few seconds for
 * new data and shows it at once (server push). While the warehouse is away it keeps the last picture, marked stale;
 * when the server restarts the page reloads itself and a wall device signs in again by its remember-me cookie.
 */
@Route("wall/:playlist")
@PermitAll
public final class WallView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    /** How often the wall looks for new data, in seconds. */
    static final int CHECK_EVERY = 5;
    /**
     * The longest new data takes to reach a connected wall (and a reconnected one, from its reconnection): a check
     * every {@link #CHECK_EVERY} s, a freshness answer kept up to {@link DashboardData#FRESHNESS_KEPT}, then the push;
     * 10 s in all, twice that promised for a busy machine.
     */
    public static final Duration REFRESH_INTERVAL = Duration.ofSeconds(CHECK_EVERY).plus(DashboardData.FRESHNESS_KEPT).multipliedBy(2);
    /** Without a beat from the server for this long, the screen marks itself cut off. */
    private static final int SILENCE_MILLIS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(WallView.class);

    private final DashboardData data;
    private final CurrentUser currentUser;
    private final WallPlaylists playlists;
    private final ProvinceMap map;
    private final LiveBoard live;
    private final WallScreens screens;
    private final H1 title = new H1();
    private final Span clock = new Span();
    private final Span stamp = new Span();
    private final Div slide = new Div();
    private final Span ticker = new Span();
    private final Span offline = new Span();
    private final Div banner = new Div();
    private final AlertStore alertStore;
    private long alertsShown = -1;
    private Playlist playlist;
    private Unit unit;
    private DashboardUser device;
    private int index;
    private int shownFor;
    private DataFreshness dataShown;
    private List<String> alerts;
    private ScheduledExecutorService ticks;

    public WallView(DashboardData data, CurrentUser currentUser, WallPlaylists playlists, ProvinceMap map, LiveBoard live, WallScreens screens,
                    AlertStore alertStore) {
        this.alertStore = alertStore;
        this.data = data;
        this.currentUser = currentUser;
        this.playlists = playlists;
        this.map = map;
        this.live = live;
        this.screens = screens;
        addClassName("wall");
        clock.setId("wall-clock");
        stamp.setId("wall-stamp");
        slide.setId("wall-slide");
        ticker.setId("wall-ticker");
        offline.addClassName("wall-offline");
        banner.setId("wall-banner");
        banner.setVisible(false);
        Div header = new Div(title, offline, clock, stamp);
        header.addClassName("wall-header");
        Div tickerBox = new Div(ticker);
        tickerBox.addClassName("wall-ticker");
        add(header, banner, slide, tickerBox);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("playlist").orElse("");
        playlist = ViewParams.found(() -> playlists.find(id).orElseThrow(() -> new IllegalArgumentException("no wall playlist '" + id + "'")));
        device = data.user();
        unit = ViewParams.found(() -> data.catalogue().unit(playlist.unit().orElse(device.home())));
        if (unit.level() == UnitLevel.COMMUNE || unit.level() == UnitLevel.PROVINCE && !device.seesCommunesOf(unit.code())) {
            throw new AccessDeniedException(device.name() + " may not show the wall of " + unit.name());
        }
        index = 0;
        alertsShown = -1;
        shownFor = 0;
        alerts = null;
        show();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        getElement().executeJs("const clock = $0; const tick = () => clock.textContent = new Date().toLocaleTimeString($1, "
                + "{timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit'}); tick(); clearInterval(clock.ticking); "
                + "clock.ticking = setInterval(tick, 1000);", clock.getElement(), Language.isEnglish(getLocale()) ? "en-GB" : "vi-VN");
        // The server beats every second; when the beats stop (server restarting, network down) the picture stays, marked as cut off.
        offline.setText(getTranslation("wall.offline"));
        getElement().executeJs("const wall = $0; wall.lastBeat = Date.now(); if (!wall.watching) { wall.watching = true; "
                + "new MutationObserver(() => wall.lastBeat = Date.now()).observe(wall, {attributes: true, attributeFilter: ['data-beat']}); "
                + "setInterval(() => wall.classList.toggle('offline', Date.now() - wall.lastBeat > $1), 1000); }", getElement(), SILENCE_MILLIS);
        ticks = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        ticks.scheduleAtFixedRate(() -> ui.access(this::tick), 1, 1, TimeUnit.SECONDS);
        screens.attached();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        ticks.shutdownNow();
        screens.detached();
    }

    /**
     * Every second: the next slide when this one has had its time. Every {@link #CHECK_EVERY} seconds the wall asks how
     * current the warehouse is (an answer {@link DashboardData#freshness()} keeps for a few seconds) and redraws at
     * once when the KPI store was rebuilt or an ingest landed, so new data reaches the screen within
     * {@link #REFRESH_INTERVAL}; a live slide is redrawn at every check, as the Live page is.
     */
    void tick() {
        shownFor++;
        getElement().setAttribute("data-beat", Long.toString(System.currentTimeMillis()));
        if (alertStore.version() != alertsShown) {
            banner();
        }
        if (shownFor >= playlist.seconds()) {
            index = (index + 1) % playlist.slides().size();
            shownFor = 0;
            show();
        } else if (shownFor % CHECK_EVERY == 0) {
            Fresh<DataFreshness> now = currentUser.as(device, data::freshness);
            if (!now.stale() && !now.value().equals(dataShown)) {
                LOG.info("wall {} ({}): new data seen at {}: store built {}, last ingest {} (was {}, {}); pushing it", playlist.id(), unit.code(),
                        now.asOf(), now.value().storeBuiltAt().orElse(null), now.value().lastIngest().orElse(null),
                        dataShown == null ? null : dataShown.storeBuiltAt().orElse(null), dataShown == null ? null : dataShown.lastIngest().orElse(null));
                show();
            } else if (now.stale() || playlist.slides().get(index).kind() == Playlist.Slide.Kind.LIVE) {
                show();
            }
        }
    }

    /**
     * The alerts of the wall's unit not yet acknowledged (a province's and its communes'; every one on the nation's
     * wall): the newest, and how many more, in one line over the slides; redrawn within a second of
     * a firing or an acknowledgement.
     */
    private void banner() {
        alertsShown = alertStore.version();
        List<AlertFiring> open = alertStore.firings().stream().filter(firing -> !firing.acknowledged())
                .filter(firing -> unit.level() == UnitLevel.NATION || firing.province().equals(unit.code())).toList();
        banner.setVisible(!open.isEmpty());
        if (!open.isEmpty()) {
            banner.setText("⚠ " + AlertText.of(this::getTranslation, new Formats(getLocale()), data.catalogue(), open.getFirst())
                    + (open.size() > 1 ? "   ·   " + getTranslation("wall.alerts.more", open.size() - 1) : ""));
        }
        getElement().setAttribute("data-alerts", Integer.toString(open.size()));
    }

    /** Draws the current slide; if it cannot be drawn, the last picture stays, marked stale. */
    private void show() {
        Formats formats = new Formats(getLocale());
        title.setText(playlist.title().isBlank() ? getTranslation("wall.title", formats.name(unit)) : playlist.title());
        getElement().setAttribute("data-slide", Integer.toString(index));
        try {
            currentUser.as(device, () -> {
                Fresh<DataFreshness> freshness = data.freshness();
                Period period = Period.month(data.latestMonth());
                WallSlides slides = new WallSlides(data, map, live, formats, this::getTranslation);
                // The alerts (several rankings) are asked again only when new data has landed, not at every slide.
                if (alerts == null || !freshness.value().equals(dataShown)) {
                    alerts = slides.alertLines(unit, period);
                }
                WallSlides.Drawn drawn = slides.draw(playlist.slides().get(index), unit, period, alerts);
                slide.removeAll();
                slide.add(drawn.content());
                slide.getElement().setAttribute("data-kind", playlist.slides().get(index).toString());
                ticker.setText(String.join("   ·   ", alerts.isEmpty() ? List.of(getTranslation("wall.alerts.none")) : alerts));
                boolean stale = freshness.stale() || drawn.stale();
                dataShown = freshness.value();
                stamp(formats, stale, freshness);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("wall {}: slide {} could not be drawn, keeping the last picture: {}", playlist.id(), playlist.slides().get(index), e.getMessage());
            stamp.setText(getTranslation("wall.waiting"));
            stamp.getElement().setAttribute("class", "stale");
        }
    }

    /**
     * The "data as of" line, to the second, and the same instants on the wall's element for machines: {@code data-loaded}
     * (the last good ingest) and {@code data-built} (the KPI store build the figures come from), ISO-8601 or empty.
     */
    private void stamp(Formats formats, boolean stale, Fresh<DataFreshness> freshness) {
        String loaded = freshness.value().lastIngest().map(formats::moment).orElse("—");
        stamp.setText(stale ? getTranslation("wall.stale", formats.moment(freshness.asOf())) : getTranslation("wall.asof", loaded));
        stamp.getElement().setAttribute("class", stale ? "stale" : "fresh");
        getElement().setAttribute("data-loaded", freshness.value().lastIngest().map(Instant::toString).orElse(""));
        getElement().setAttribute("data-built", freshness.value().storeBuiltAt().map(Instant::toString).orElse(""));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.wall");
    }
}
