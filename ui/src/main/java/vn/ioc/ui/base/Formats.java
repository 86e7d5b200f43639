package vn.ioc.ui.base;

import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.LocalizedText;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/** Numbers, periods, units and names as the reader's language writes them. */
public final class Formats {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> UNITS_EN = Map.of("chỗ", "places", "giáo viên", "teachers", "học sinh", "pupils",
            "hồ sơ", "applications", "liều", "doses", "mũi", "shots", "điểm", "points");

    /** The breakdowns' parts as the sources write them, in English; a part not here (a vaccine, a service, an age) is the same in both. */
    private static final Map<String, String> PARTS_EN = Map.ofEntries(Map.entry("Nam", "Male"), Map.entry("Nữ", "Female"),
            Map.entry("thường trú", "permanent"), Map.entry("tạm trú", "temporary"), Map.entry("trực tuyến", "online"),
            Map.entry("trực tiếp", "in person"), Map.entry("đã giải quyết", "resolved"), Map.entry("từ chối", "rejected"),
            Map.entry("đang xử lý", "in progress"), Map.entry("quá hạn", "overdue"), Map.entry("Mầm non", "Preschool"),
            Map.entry("Tiểu học", "Primary"), Map.entry("THCS", "Lower secondary"), Map.entry("THPT", "Upper secondary"),
            Map.entry("công lập", "public"), Map.entry("tư thục", "private"));

    private final Locale locale;

    public Formats(Locale locale) {
        this.locale = locale;
    }

    public String text(LocalizedText text) {
        return Language.pick(locale, text.vi(), text.en());
    }

    public String name(Kpi kpi) {
        return text(kpi.name());
    }

    public String name(Unit unit) {
        return Language.pick(locale, unit.name(), unit.nameEn());
    }

    public String unit(Kpi kpi) {
        return Language.isEnglish(locale) ? UNITS_EN.getOrDefault(kpi.unit(), kpi.unit()) : kpi.unit();
    }

    /** A part of a breakdown (a sex, a channel, a school level...) in this language. */
    public String part(String part) {
        return Language.isEnglish(locale) ? PARTS_EN.getOrDefault(part, part) : part;
    }

    /** A value with the indicator's unit: {@code 97,4 %}, {@code 12.345 liều}; a dash when there is none. */
    public String value(Kpi kpi, Double value) {
        if (value == null || value.isNaN()) {
            return "—";
        }
        boolean count = kpi.denominator() == null && kpi.communeShare() == null;
        String number = number(value, !count && (kpi.unit().equals("%") || Math.abs(value) < 100) ? 1 : 0);
        return kpi.unit().equals("%") ? number + " %" : number + " " + unit(kpi);
    }

    public String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /** A change with its sign: {@code +1,2}, {@code −0,4}. */
    public String change(Double change) {
        if (change == null || change.isNaN()) {
            return "—";
        }
        return (!moved(change) ? "±" : change > 0 ? "+" : "−") + number(Math.abs(change), 1);
    }

    /** Whether a change shows as one at the digit {@link #change} prints: −0,04 reads ±0,0, not as a fall. */
    public static boolean moved(Double change) {
        return change != null && Math.round(Math.abs(change) * 10) != 0;
    }

    public String count(long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /** A share of the population as a percentage with the digits it needs: {@code 1 %}, {@code 0,03 %} ({@code 1%} in English). */
    public String share(double fraction) {
        double percent = fraction * 100;
        return number(percent, percent >= 1 ? 0 : percent >= 0.1 ? 1 : 2) + (Language.isEnglish(locale) ? "%" : " %");
    }

    public String period(Period period) {
        boolean en = Language.isEnglish(locale);
        int year = period.start().getYear();
        return switch (period.kind()) {
            case DAY -> period.start().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
            case MONTH -> (en ? "Month " : "Tháng ") + period.start().getMonthValue() + "/" + year;
            case QUARTER -> (en ? "Q" : "Quý ") + ((period.start().getMonthValue() - 1) / 3 + 1) + "/" + year;
            case YEAR -> (en ? "Year " : "Năm ") + year;
            case YEAR_TO_DATE -> (en ? "Year to " : "Lũy kế đến ") + period.end().getMonthValue() + "/" + year;
        };
    }

    /** A period as a chart's axis says it, short: {@code 10/2026}, {@code Q3/2026}, {@code 2026}. */
    public String periodOnAxis(Period period) {
        int year = period.start().getYear();
        return switch (period.kind()) {
            case MONTH -> period.start().getMonthValue() + "/" + year;
            case QUARTER -> "Q" + ((period.start().getMonthValue() - 1) / 3 + 1) + "/" + year;
            case YEAR -> String.valueOf(year);
            default -> period(period);
        };
    }

    /** A day: {@code 31/10/2026} in Vietnamese, {@code Oct 31, 2026} in English. */
    public String date(LocalDate day) {
        return (Language.isEnglish(locale) ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale) : DAY).format(day);
    }

    public String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(VIETNAM).format(instant);
    }

    /** To the second ({@code 23:26:48 04/12/2026}): two loads in the same minute still read apart. */
    public String moment(Instant instant) {
        return MOMENT.withZone(VIETNAM).format(instant);
    }

    public Locale locale() {
        return locale;
    }
}
