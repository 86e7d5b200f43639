package vn.ioc.ui.charts;

/**
 * Where a chart is shown: the size it is drawn at (CSS pixels, or points in a PDF) and the size of its smallest text,
 * so that a chart is drawn at the size it is shown and its text stays readable there.
 */
public record ChartFrame(int width, int height, int text) {
    /** A unit page's trend on a desktop. */
    public static final ChartFrame TREND = new ChartFrame(760, 340, 13);
    /** A unit page's breakdown on a desktop: its height grows with its bars. */
    public static final ChartFrame BREAKDOWN = new ChartFrame(480, 0, 13);
    /** Any chart on a phone (390 px wide, less the page's margins). */
    public static final ChartFrame PHONE = new ChartFrame(340, 300, 12);
    /** A wall screen's chart at 1920×1080: readable from 5 m. */
    public static final ChartFrame WALL = new ChartFrame(1760, 700, 28);
    /** A chart of the PDF briefing, two to a row of an A4 page. */
    public static final ChartFrame PRINT = new ChartFrame(380, 230, 11);

    public ChartFrame {
        if (width <= 0 || height < 0 || text <= 0) {
            throw new IllegalArgumentException("a chart frame needs a width, a height and a text size, got " + width + "×" + height + ", text " + text);
        }
    }

    /** This frame with another height (a breakdown's grows with its bars). */
    public ChartFrame withHeight(int newHeight) {
        return new ChartFrame(width, newHeight, text);
    }
}
