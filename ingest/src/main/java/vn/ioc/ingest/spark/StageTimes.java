package vn.ioc.ingest.spark;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Where a Spark job's time goes, stage by stage, from Spark's own listener bus: each completed stage with the job
 * description it ran under (the ingest's step, see {@link vn.ioc.ingest.IngestJob}), its wall time, the executors' time,
 * rows read from files, shuffle bytes written and read, and spill.
 */
public final class StageTimes extends SparkListener {
    /**
     * One completed stage; {@code submitted}: when it started (epoch milliseconds); {@code operators}: the plan operators
     * its RDDs were built by, in order.
     */
    public record Stage(int id, String step, String operators, long submitted, double seconds, double taskSeconds, long inputRows, long shuffleWriteBytes,
                        long shuffleReadBytes, long spillBytes) {
    }

    private final Map<Integer, String> stepOfStage = new ConcurrentHashMap<>();
    private final List<Stage> stages = new ArrayList<>();

    /** Listens to the session's stages from now until {@link #stop}. */
    public static StageTimes listen(SparkSession spark) {
        StageTimes times = new StageTimes();
        spark.sparkContext().addSparkListener(times);
        return times;
    }

    public void stop(SparkSession spark) {
        spark.sparkContext().removeSparkListener(this);
    }

    @Override
    public void onJobStart(SparkListenerJobStart job) {
        String description = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
        for (Object id : CollectionConverters.asJava(job.stageIds())) {
            stepOfStage.put((Integer) id, description == null ? "" : description);
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
        StageInfo info = completed.stageInfo();
        if (info.submissionTime().isEmpty() || info.completionTime().isEmpty()) {
            return;
        }
        TaskMetrics metrics = info.taskMetrics();
        Set<String> operators = new LinkedHashSet<>();
        List<RDDInfo> rdds = new ArrayList<>(CollectionConverters.asJava(info.rddInfos()));
        rdds.sort((a, b) -> Integer.compare(a.id(), b.id()));
        for (RDDInfo rdd : rdds) {
            if (rdd.scope().isDefined()) {
                operators.add(rdd.scope().get().name().replaceAll(" \\(\\d+\\)$", ""));
            }
        }
        Stage stage = new Stage(info.stageId(), stepOfStage.getOrDefault(info.stageId(), ""), String.join(" > ", operators),
                (Long) info.submissionTime().get(),
                ((Long) info.completionTime().get() - (Long) info.submissionTime().get()) / 1000.0,
                metrics.executorRunTime() / 1000.0, metrics.inputMetrics().recordsRead(), metrics.shuffleWriteMetrics().bytesWritten(),
                metrics.shuffleReadMetrics().totalBytesRead(), metrics.memoryBytesSpilled() + metrics.diskBytesSpilled());
        synchronized (stages) {
            stages.add(stage);
        }
    }

    /** The stages completed so far, once Spark has told every listener of them, in the order they completed; and forgets them. */
    public List<Stage> drain(SparkSession spark) {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark's listeners did not catch up", e);
        }
        synchronized (stages) {
            List<Stage> done = List.copyOf(stages);
            stages.clear();
            return done;
        }
    }
}
