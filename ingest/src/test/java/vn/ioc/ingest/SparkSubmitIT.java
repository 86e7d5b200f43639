package vn.ioc.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.ingest.vaccination.VaccinationPipeline;
import vn.ioc.warehouse.files.FileTrees;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged ingest jar, given to {@code spark-submit} against a real standalone Spark cluster: a master
 * and a worker in JVMs of their own, started from the Spark jars the build resolved (laid out as a Spark
 * home), whose executors run the ingest's steps. The facts equal those of an in-process run.
 */
class SparkSubmitIT {
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void theIngestJarRunsOnAStandaloneCluster(@TempDir Path work) throws Exception {
        IngestFixture fixture = IngestFixture.get();
        fixture.ingest(new VaccinationPipeline(), work.resolve("local-quarantine"));
        String inProcess = fixture.checksum("vaccination_facts");
        fixture.execute("TRUNCATE TABLE vaccination_facts");

        // Outside the test's folder, whose clean-up warns about every link it removes.
        Path sparkHome = sparkHome(Files.createTempDirectory("ioc-spark-home-"));
        List<Process> cluster = new ArrayList<>();
        try {
            int masterPort = freePort();
            int masterUi = freePort();
            String master = "spark://127.0.0.1:" + masterPort;
            cluster.add(start(fixture, work.resolve("master.log"), sparkHome, List.of("org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUi))));
            Path workerDir = work.resolve("worker");
            cluster.add(start(fixture, work.resolve("worker.log"), sparkHome, List.of("org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", "2", "--memory", "2g", "--work-dir", workerDir.toString(),
                    "--webui-port", Integer.toString(freePort()), master)));
            awaitAliveWorker(masterUi, cluster, work);

            Path jar = Path.of(System.getProperty("ioc.ingest.jar"));
            List<String> submit = List.of("org.apache.spark.deploy.SparkSubmit", "--master", master,
                    "--class", "vn.ioc.warehouse.cli.Ioc", "--conf", "spark.executor.memory=1g", jar.toString(),
                    "ingest", "--input", fixture.extracts.toString(), "--source", VaccinationPipeline.SOURCE,
                    "--quarantine", work.resolve("cluster-quarantine").toString());
            Process driver = start(fixture, work.resolve("submit.log"), sparkHome, submit);
            assertTrue(driver.waitFor(5, TimeUnit.MINUTES), "spark-submit finished in time");
            assertEquals(0, driver.exitValue(), () -> "spark-submit failed:\n" + tail(work.resolve("submit.log")));

            assertEquals(inProcess, fixture.checksum("vaccination_facts"), "the cluster loaded the same facts as an in-process run");
            try (Stream<Path> executorLogs = Files.walk(workerDir)) {
                assertTrue(executorLogs.anyMatch(p -> p.getFileName().toString().equals("stderr") && p.toString().contains("app-")),
                        "the worker ran an executor for the application");
            }
        } finally {
            cluster.forEach(Process::destroyForcibly);
            FileTrees.delete(sparkHome);
        }
    }

    /** A Spark home made of this build's jars: what a worker puts on its executors' class path. */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path) && !Files.exists(jars.resolve(path.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(path.getFileName()), path.toAbsolutePath());
            }
        }
        return home;
    }

    private static Process start(IngestFixture fixture, Path log, Path sparkHome, List<String> mainAndArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("ioc.jvm.flags", "").split(" ")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPARK_HOME", sparkHome.toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // Without it, a worker looks for a Spark source tree to learn the Scala version from.
        environment.put("SPARK_SCALA_VERSION", scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1"));
        environment.put("IOC_WAREHOUSE_URL", fixture.warehouse.url());
        environment.put("IOC_WAREHOUSE_USER", fixture.warehouse.user());
        environment.put("IOC_WAREHOUSE_PASSWORD", fixture.warehouse.password());
        return builder.start();
    }

    /** Until the master's status page counts a live worker. */
    private static void awaitAliveWorker(int masterUi, List<Process> cluster, Path work) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!cluster.stream().allMatch(Process::isAlive)) {
                fail("the cluster stopped:\n" + tail(work.resolve("master.log")) + "\n" + tail(work.resolve("worker.log")));
            }
            try {
                if (http.send(status, HttpResponse.BodyHandlers.ofString()).body().matches("(?s).*\"aliveworkers\"\\s*:\\s*1\\b.*")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The master is still starting.
            }
            Thread.sleep(250);
        }
        fail("no live worker within " + STARTUP + ":\n" + tail(work.resolve("master.log")) + "\n" + tail(work.resolve("worker.log")));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
