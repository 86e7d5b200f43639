package vn.ioc.ui.base;

import com.vaadin.flow.component.combobox.ComboBox;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The pickers views share; each calls back with the choice, and the view navigates to the new state's URL. */
public final class Pickers {
    private Pickers() {
    }

    public static ComboBox<Period> period(Formats formats, YearMonth latest, Period selected, Consumer<Period> chosen) {
        List<Period> choices = new ArrayList<>(PeriodChoices.around(latest));
        if (!choices.contains(selected)) {
            choices.addFirst(selected);
        }
        ComboBox<Period> picker = new ComboBox<>(formats.locale().getLanguage().equals("en") ? "Period" : "Kỳ", choices);
        picker.setId("period");
        picker.setItemLabelGenerator(formats::period);
        picker.setValue(selected);
        picker.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                chosen.accept(event.getValue());
            }
        });
        return picker;
    }

    public static ComboBox<Unit> unit(Formats formats, String label, List<Unit> units, Unit selected, Consumer<Unit> chosen) {
        ComboBox<Unit> picker = new ComboBox<>(label, units);
        picker.setId("unit");
        picker.setItemLabelGenerator(formats::name);
        picker.setValue(selected);
        picker.setWidth("16em");
        picker.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                chosen.accept(event.getValue());
            }
        });
        return picker;
    }

    public static ComboBox<Kpi> kpi(Formats formats, String label, List<Kpi> kpis, Kpi selected, Consumer<Kpi> chosen) {
        ComboBox<Kpi> picker = new ComboBox<>(label, kpis);
        picker.setId("kpi");
        picker.setItemLabelGenerator(formats::name);
        picker.setValue(selected);
        picker.setWidth("24em");
        picker.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                chosen.accept(event.getValue());
            }
        });
        return picker;
    }
}
