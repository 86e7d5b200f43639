package vn.ioc.ui.live;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ioc.analytics.live.LiveFigures;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.MainLayout;
import vn.ioc.ui.base.Pickers;
import vn.ioc.ui.base.ViewParams;
import vn.ioc.ui.data.DashboardData;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What is happening now at the public-service portal ({@code live?unit=48}): applications today and in the last hour,
 * the backlog, overdue now and by tonight, the busiest services and communes; pushed again every few seconds. Without
 * a Druid configured it says so; while Druid is away it keeps the last figures, marked stale.
 */
@Route(value = "live", layout = MainLayout.class)
@PermitAll
public final class LiveView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    static final int REFRESH_SECONDS = 5;

    private final LiveBoard board;
    private final DashboardData data;
    private final H2 title = new H2();
    private final Span stamp = new Span();
    private final Div content = new Div();
    private final FlexLayout toolbar = new FlexLayout();
    private Unit unit;
    private ScheduledExecutorService refresh;

    public LiveView(LiveBoard board, DashboardData data) {
        this.board = board;
        this.data = data;
        addClassName("live");
        stamp.setId("live-stamp");
        content.setId("live-content");
        toolbar.addClassName("toolbar");
        add(title, toolbar, stamp, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ViewParams params = ViewParams.of(event.getLocation().getQueryParameters());
        Formats formats = new Formats(getLocale());
        unit = ViewParams.found(() -> params.get("unit").map(code -> data.catalogue().unit(code)).orElseGet(this::homeProvince));
        if (unit.level() == UnitLevel.COMMUNE) {
            throw ViewParams.notFound("live figures are by province or for the nation, not for commune " + unit.code());
        }
        List<Unit> units = new ArrayList<>(List.of(Unit.NATION));
        units.addAll(data.catalogue().provinces());
        toolbar.removeAll();
        toolbar.add(Pickers.unit(formats, getTranslation("picker.unit"), units, unit, chosen -> params.with("unit", chosen.code()).go("live")));
        title.setText(getTranslation("live.title", formats.name(unit)));
        show();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        refresh = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        refresh.scheduleAtFixedRate(() -> ui.access(this::show), REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        refresh.shutdownNow();
    }

    void show() {
        Formats formats = new Formats(getLocale());
        LiveBoard.Reading reading = board.read(unit.level() == UnitLevel.NATION ? Optional.empty() : Optional.of(unit.code()));
        content.removeAll();
        stamp.setText(stampText(reading, formats));
        stamp.getElement().setAttribute("class", reading.stale() ? "stale" : "fresh");
        if (reading.figures().isEmpty()) {
            Div note = new Div(getTranslation(!reading.configured() ? "live.unconfigured" : reading.stale() ? "live.unreachable" : "live.empty"));
            note.addClassName("live-note");
            content.add(note);
            return;
        }
        LiveFigures figures = reading.figures().get();
        FlexLayout lists = new FlexLayout(
                LiveTiles.loads("live-services", getTranslation("live.services"), figures.topServices(), load -> load.name().isBlank() ? load.code() : load.name(),
                        formats, this::getTranslation));
        if (data.seesDetailOf(unit)) {
            lists.add(LiveTiles.loads("live-communes", getTranslation("live.communes"), figures.topCommunes(), load -> communeName(load.code(), formats),
                    formats, this::getTranslation));
        }
        lists.addClassName("live-lists");
        content.add(LiveTiles.tiles(figures, formats, this::getTranslation), lists);
    }

    /** The user's province (a commune's user sees its province), or the nation. */
    private Unit homeProvince() {
        Unit home = data.catalogue().unit(data.user().home());
        return home.level() == UnitLevel.COMMUNE ? data.catalogue().parent(home) : home;
    }

    private String communeName(String code, Formats formats) {
        Unit commune = data.catalogue().communes().get(code);
        return commune == null ? code : formats.name(commune);
    }

    private String stampText(LiveBoard.Reading reading, Formats formats) {
        String asOf = reading.figures().map(figures -> formats.time(figures.asOf())).orElse("—");
        if (!reading.configured()) {
            return "";
        }
        return reading.stale() ? getTranslation("live.stale", asOf) : getTranslation("live.asof", asOf);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.short") + " · " + getTranslation("title.live");
    }
}
