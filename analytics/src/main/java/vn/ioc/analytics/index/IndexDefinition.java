package vn.ioc.analytics.index;

import vn.ioc.analytics.catalogue.LocalizedText;

import java.util.List;

/**
 * A composite index: groups of indicators with weights, one normalisation, and a scale (a unit scoring 1 on every
 * component scores {@code scale}). Within a group, components are weighted by their own weights.
 */
public record IndexDefinition(String id, LocalizedText name, Normalisation normalisation, double scale, List<Group> groups, LocalizedText source) {
    public IndexDefinition {
        groups = List.copyOf(groups);
    }

    public record Group(String id, LocalizedText name, double weight, List<Component> components) {
        public Group {
            components = List.copyOf(components);
        }

        double componentWeights() {
            return components.stream().mapToDouble(Component::weight).sum();
        }
    }

    public record Component(String kpi, double weight) {
    }

    double groupWeights() {
        return groups.stream().mapToDouble(Group::weight).sum();
    }
}
