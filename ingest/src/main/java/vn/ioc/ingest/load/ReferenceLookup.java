package vn.ioc.ingest.load;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.ioc.warehouse.WarehouseConnection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every commune code a record may carry, with the current commune it stands for: the 3,321 current
 * codes map to themselves; pre-reform codes map through the crosswalk. A pre-reform commune split
 * between new ones goes, by the documented rule, to the new commune with the largest share (ties: the
 * lower code), and is flagged as split.
 */
public final class ReferenceLookup {
    public static final StructType SCHEMA = new StructType()
            .add("lookup_code", DataTypes.StringType, false)
            .add("current_code", DataTypes.StringType, false)
            .add("current_province", DataTypes.StringType, false)
            .add("pre_reform", DataTypes.BooleanType, false)
            .add("split", DataTypes.BooleanType, false);

    private ReferenceLookup() {
    }

    /** Province codes a record may carry: the 34 current ones and, where the crosswalk has them, the 63 pre-reform ones. */
    public static List<String> provinces(WarehouseConnection warehouse) {
        List<String> codes = new ArrayList<>();
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT code FROM provinces UNION DISTINCT "
                     + "SELECT old_province_code FROM commune_crosswalk WHERE old_province_code != ''")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new LoadException("cannot read the provinces from " + warehouse.url() + ": " + e.getMessage(), e);
        }
        return codes;
    }

    public static Dataset<Row> communes(SparkSession spark, WarehouseConnection warehouse) {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            try (ResultSet current = statement.executeQuery("SELECT code, province_code FROM communes")) {
                while (current.next()) {
                    rows.add(RowFactory.create(current.getString(1), current.getString(1), current.getString(2), false, false));
                }
            }
            if (rows.isEmpty()) {
                throw new LoadException("the warehouse at " + warehouse.url() + " has no communes: run `ioc datasets load` first", null);
            }
            try (ResultSet old = statement.executeQuery("SELECT old_code, argMax(new_code, (share, -toUInt32OrZero(new_code))), "
                    + "argMax(new_province_code, (share, -toUInt32OrZero(new_code))), count() > 1 FROM commune_crosswalk "
                    + "WHERE status != 'unmapped' AND old_code NOT IN (SELECT code FROM communes) GROUP BY old_code")) {
                while (old.next()) {
                    rows.add(RowFactory.create(old.getString(1), old.getString(2), old.getString(3), true, old.getBoolean(4)));
                }
            }
        } catch (SQLException e) {
            throw new LoadException("cannot read the reference units from " + warehouse.url() + ": " + e.getMessage(), e);
        }
        return spark.createDataFrame(rows, SCHEMA);
    }
}
