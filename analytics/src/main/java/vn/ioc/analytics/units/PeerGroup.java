package vn.ioc.analytics.units;

import vn.ioc.analytics.catalogue.LocalizedText;

/** A named group of units that leaders compare within (urban wards, special zones, border provinces, a region...). */
public record PeerGroup(String id, UnitLevel level, LocalizedText name) {
}
