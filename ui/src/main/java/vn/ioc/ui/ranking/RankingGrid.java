package vn.ioc.ui.ranking;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.provider.SortDirection;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.ui.base.Formats;
import vn.ioc.ui.base.GridCells;
import vn.ioc.ui.base.PhoneColumns;
import vn.ioc.ui.base.Language;
import vn.ioc.ui.base.PaceNote;
import vn.ioc.ui.lineage.LineageFigure;
import vn.ioc.ui.lineage.LineagePopover;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A ranking as a sortable grid: rank, movement since the previous period, unit (a link one level down), value with
 * where it comes from, status and change, and the pace to target where the rows have one; the three best and three
 * worst ranked are highlighted. Filters by name, ignoring diacritics. Its cells are templates the browser renders
 * from each row's values, not components: a page of rows made hundreds of components, sent with every page.
 */
public final class RankingGrid extends Grid<RankingRow> {
    private final ListDataProvider<RankingRow> rows;
    private final Function<RankingRow, Optional<LineageFigure>> lineage;
    private Column<RankingRow> pace;

    /**
     * {@code kpi}: how values are written, or null for an index's scores; {@code link}: a unit's page; {@code lineage}: the
     * figure of a row's value that can say where it comes from, where there is one.
     */
    public RankingGrid(Formats formats, Kpi kpi, List<RankingRow> rows, Function<RankingRow, String> link,
                       Function<RankingRow, Optional<LineageFigure>> lineage) {
        this.rows = new ListDataProvider<>(rows);
        this.lineage = lineage;
        setItems(this.rows);
        addClassName("ranking-grid");
        int ranked = (int) rows.stream().filter(row -> row.rank() != null).count();
        Column<RankingRow> rank = addColumn(row -> row.rank() == null ? "—" : row.rank().toString())
                .setHeader(getTranslation("col.rank")).setComparator(Comparator.comparing(RankingRow::rank, Comparator.nullsLast(Comparator.naturalOrder())))
                // In rem: an em is the header's smaller type in the header and the rows' in the rows, which then part ways.
                .setWidth("5.5rem").setFlexGrow(0).setKey("rank");
        Column<RankingRow> movement = addColumn(LitRenderer.<RankingRow>of("<span class=\"${item.direction}\">${item.movement}</span>")
                        .withProperty("movement", row -> movement(row.rankChange())).withProperty("direction", row -> direction(row.rankChange())))
                .setHeader(getTranslation("col.movement")).setAutoWidth(true).setFlexGrow(0)
                .setComparator(Comparator.comparing(RankingRow::rankChange, Comparator.nullsLast(Comparator.naturalOrder()))).setKey("movement");
        Collator collator = Collator.getInstance(Language.VIETNAMESE);
        addColumn(GridCells.link(link, row -> formats.name(row.unit()))).setHeader(getTranslation("col.unit")).setWidth("5rem")
                .setComparator(Comparator.comparing((RankingRow row) -> formats.name(row.unit()), collator)).setFlexGrow(1).setKey("unit");
        addColumn(LitRenderer.<RankingRow>of("<span class=\"ranking-value\">${item.value}<vaadin-button theme=\"tertiary-inline small\" "
                        + "class=\"lineage-button\" ?hidden=\"${!item.lineage}\" data-lineage=\"${item.lineage}\" title=\"${item.lineageTitle}\" "
                        + "aria-label=\"${item.lineageTitle}\" @click=\"${showLineage}\">i</vaadin-button></span>")
                        .withProperty("value", row -> kpi == null ? formats.number(row.value(), 1) : formats.value(kpi, row.value()))
                        .withProperty("lineage", row -> lineage.apply(row).map(LineageFigure::id).orElse(""))
                        .withProperty("lineageTitle", row -> lineage.apply(row).map(figure -> figure.title(this::getTranslation)).orElse(""))
                        .withFunction("showLineage", row -> lineage.apply(row).ifPresent(figure -> getUI().ifPresent(ui ->
                                LineagePopover.of(ui).showWithin(getElement(), figure)))))
                .setHeader(getTranslation("col.value"))
                .setComparator(Comparator.comparing(RankingRow::value, Comparator.nullsLast(Comparator.naturalOrder()))).setAutoWidth(true).setKey("value");
        Column<RankingRow> change = null;
        if (kpi != null) {
            addColumn(GridCells.status(this::getTranslation, RankingRow::status)).setHeader(getTranslation("col.status")).setAutoWidth(true).setKey("status");
            change = addColumn(row -> formats.change(row.change())).setHeader(getTranslation("col.change"))
                    .setComparator(Comparator.comparing(RankingRow::change, Comparator.nullsLast(Comparator.naturalOrder()))).setAutoWidth(true).setKey("change");
            if (rows.stream().anyMatch(row -> row.pace() != null)) {
                pace = addColumn(LitRenderer.<RankingRow>of("<span class=\"pace ${item.paceClass}\" ?hidden=\"${!item.verdict}\" data-pace=\"${item.verdict}\" "
                                        + "title=\"${item.how}\">${item.pace}</span>")
                                .withProperty("pace", row -> row.pace() == null ? "" : PaceNote.briefly(this::getTranslation, formats, row.pace()))
                                .withProperty("paceClass", row -> row.pace() == null ? "" : PaceNote.cssClass(row.pace()))
                                .withProperty("verdict", row -> row.pace() == null ? "" : row.pace().verdict().name())
                                .withProperty("how", row -> row.pace() == null ? "" : PaceNote.how(this::getTranslation, formats, kpi, row.pace())))
                        .setHeader(getTranslation("col.pace")).setAutoWidth(true).setKey("pace")
                        .setComparator(Comparator.comparing(RankingRow::pace, Comparator.nullsLast(Pace.SLIPPING)));
            }
        }
        // A phone keeps rank, unit, value and status; the pace shows on the unit's page.
        PhoneColumns.fit(this, Stream.of(movement, change, pace).filter(Objects::nonNull).toList());
        setPartNameGenerator(row -> row.rank() == null ? null : row.rank() <= 3 ? "top" : row.rank() > ranked - 3 ? "bottom" : null);
        sort(List.of(new GridSortOrder<>(rank, SortDirection.ASCENDING)));
        setAllRowsVisible(rows.size() <= 40);
    }

    /** The figure of a row's value that can say where it comes from, where there is one. */
    public Optional<LineageFigure> lineage(RankingRow row) {
        return lineage.apply(row);
    }

    /** Sorts the units furthest behind their target first (no change without a pace column). */
    public void sortBySlipping() {
        if (pace != null) {
            sort(List.of(new GridSortOrder<>(pace, SortDirection.ASCENDING)));
        }
    }

    /** Whether the rows have a pace to target. */
    public boolean paced() {
        return pace != null;
    }

    private static String movement(Integer change) {
        return change == null ? "" : change > 0 ? "▲ " + change : change < 0 ? "▼ " + (-change) : "=";
    }

    private static String direction(Integer change) {
        return change == null || change == 0 ? "same" : change > 0 ? "up" : "down";
    }

    /** Shows the units whose name contains {@code text}, ignoring case and diacritics. */
    public void search(String text, Formats formats) {
        String wanted = plain(text);
        rows.setFilter(row -> wanted.isEmpty() || plain(formats.name(row.unit())).contains(wanted) || row.unit().code().startsWith(wanted));
    }

    static String plain(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).strip();
    }
}
