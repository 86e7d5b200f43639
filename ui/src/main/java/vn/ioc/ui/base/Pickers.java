package vn.ioc.ui.base;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.ItemLabelGenerator;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The pickers views share; each calls back with the user's choice, and the view navigates to the new state's URL. */
public final class Pickers {
    private Pickers() {
    }

    public static ComboBox<Period> period(Formats formats, String label, YearMonth latest, Period selected, Consumer<Period> chosen) {
        List<Period> choices = new ArrayList<>(PeriodChoices.around(latest));
        if (!choices.contains(selected)) {
            choices.addFirst(selected);
        }
        return picker("period", label, choices, formats::period, selected, chosen, null);
    }

    public static ComboBox<Unit> unit(Formats formats, String label, List<Unit> units, Unit selected, Consumer<Unit> chosen) {
        return picker("unit", label, units, formats::name, selected, chosen, "16em");
    }

    public static ComboBox<Kpi> kpi(Formats formats, String label, List<Kpi> kpis, Kpi selected, Consumer<Kpi> chosen) {
        return picker("kpi", label, kpis, formats::name, selected, chosen, "24em");
    }

    public static <T> ComboBox<T> picker(String id, String label, List<T> items, ItemLabelGenerator<T> name, T selected, Consumer<T> chosen, String width) {
        ComboBox<T> picker = new ComboBox<>(label, items);
        picker.setId(id);
        picker.setItemLabelGenerator(name);
        picker.setValue(selected);
        if (width != null) {
            picker.setWidth(width);
        }
        picker.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                chosen.accept(event.getValue());
            }
        });
        return picker;
    }
}
