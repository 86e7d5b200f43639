package vn.ioc.ingest.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

import java.text.Normalizer;

/**
 * The Spark session ingest runs in: {@code local[*]} in this JVM by default, or whatever master
 * {@code spark-submit} (or {@code IOC_SPARK_MASTER}, or {@code ioc ingest --master}) gives.
 */
public final class LocalSpark {
    private static final String EXECUTOR_OPTIONS = "spark.executor.extraJavaOptions";

    private LocalSpark() {
    }

    public static SparkSession session(String appName) {
        String master = System.getProperty("spark.master", System.getenv().getOrDefault("IOC_SPARK_MASTER", "local[*]"));
        SparkSession.Builder builder = SparkSession.builder();
        String executorOptions = "-XX:-DontCompileHugeMethods";
        if (master.startsWith("spark://127.0.0.1:") || master.startsWith("spark://localhost:")) {
            // A standalone cluster on this machine (see LocalSparkCluster): its executors load the classes from the same
            // files as this JVM and need the same module access; they answer the driver on loopback.
            builder.config("spark.executor.extraClassPath", System.getProperty("java.class.path")).config("spark.driver.host", "127.0.0.1");
            executorOptions = String.join(" ", LocalSparkCluster.jvmFlags()) + " " + executorOptions;
        }
        SparkSession session = builder
                .appName(appName)
                .master(master)
                .config("spark.ui.enabled", "false")
                // Ingest reads local files: the JVM-wide URL handler factory Spark installs for hdfs:// URLs would keep the
                // dashboard's servlet container, which installs its own, from starting in the same JVM (the demo runs both).
                .config("spark.sql.defaultUrlStreamHandlerFactory.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(Math.max(4, 2 * Runtime.getRuntime().availableProcessors())))
                // A province's extract is one file of a few row groups: split at 32 MB rather than 128 MB, so that every core
                // reads (one task per file left a core idle), unless spark-submit says otherwise.
                .config("spark.sql.files.maxPartitionBytes", new SparkConf().get("spark.sql.files.maxPartitionBytes", "32m"))
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                // Legacy government exports come in Windows-1258, which Spark 4 only reads with Java's full set of charsets.
                .config("spark.sql.legacy.javaCharsets", "true")
                // The code Spark generates for a source's rules is too large for the JIT's default limit (see scripts/jvm-flags);
                // added to whatever spark-submit was given.
                .config(EXECUTOR_OPTIONS, (new SparkConf().get(EXECUTOR_OPTIONS, "") + " " + executorOptions).strip())
                .getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        // Vietnamese text arrives in NFC and NFD alike; everything downstream compares NFC.
        session.udf().register("nfc", (UDF1<String, String>) value -> value == null ? null
                : Normalizer.normalize(value, Normalizer.Form.NFC).strip(), DataTypes.StringType);
        return session;
    }
}
