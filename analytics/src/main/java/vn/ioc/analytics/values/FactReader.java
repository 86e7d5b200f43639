package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.Kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Runs indicator queries over one JDBC connection to the warehouse (the driver's connection is safe to share). */
final class FactReader {
    private final Connection connection;

    FactReader(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    List<MeasureRow> read(Kpi kpi, Selection selection) {
        MeasureSql.Query query = MeasureSql.of(kpi.numerator(), kpi.denominator(), selection);
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setString(i + 1, query.parameters().get(i));
            }
            List<MeasureRow> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new MeasureRow(result.getInt(1) - 1, result.getString(2), result.getString(3), result.getDouble(4),
                            result.getDouble(6), result.getDouble(5) > 0));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new WarehouseQueryException("KPI '" + kpi.id() + "' could not be read from the warehouse: " + e.getMessage(), e);
        }
    }
}
