package org.quire.web.media;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real S3-compatible server for the tests: Adobe's S3Mock, started as a separate process on loopback with a
 * bucket of its own and stopped after the tests. Its class path comes from the file named by
 * {@code quire.test.s3mock-classpath}, which {@code .ci/run} writes from {@code .ci/s3mock/pom.xml}; without it the
 * test fails and says how to make it (it never skips).
 */
public class S3MockServer implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "quire-media";
    public static final String PREFIX = "site-a/";
    public static final String ACCESS_KEY = "quire-test";
    public static final String SECRET_KEY = "quire-test-secret";

    private static volatile String endpoint;

    private Process process;
    private Path root;

    /** The address the server answers at, once started. */
    public static String endpoint() {
        return endpoint;
    }

    @Override
    public Map<String, String> start() {
        String classpathFile = System.getProperty("quire.test.s3mock-classpath");
        if (classpathFile == null || !Files.isRegularFile(Path.of(classpathFile))) {
            throw new IllegalStateException("S3Mock's class path file '" + classpathFile + "' is missing: run "
                    + "./mvnw -f .ci/s3mock/pom.xml dependency:build-classpath "
                    + "-Dmdep.outputFile=$PWD/web/target/s3mock.classpath (bash .ci/run does)");
        }
        try {
            String classpath = Files.readString(Path.of(classpathFile), StandardCharsets.UTF_8).strip();
            int httpPort = freePort();
            int httpsPort = freePort();
            root = Files.createTempDirectory("quire-s3mock-");
            Path log = root.resolveSibling(root.getFileName() + ".log");
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", classpath, "com.adobe.testing.s3mock.S3MockApplication",
                    "--http.port=" + httpPort, "--server.port=" + httpsPort, "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            endpoint = "http://127.0.0.1:" + httpPort;
            awaitAnswer(log);
            return Map.of(
                    "quire.media.storage", "s3",
                    "quire.media.s3.bucket", BUCKET,
                    "quire.media.s3.prefix", PREFIX,
                    "quarkus.s3.endpoint-override", endpoint,
                    "quarkus.s3.path-style-access", "true",
                    "quarkus.s3.aws.region", "us-east-1",
                    "quarkus.s3.aws.credentials.type", "static",
                    "quarkus.s3.aws.credentials.static-provider.access-key-id", ACCESS_KEY,
                    "quarkus.s3.aws.credentials.static-provider.secret-access-key", SECRET_KEY);
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("S3Mock did not start: " + e.getMessage(), e);
        }
    }

    private void awaitAnswer(Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Mock exited with " + process.exitValue() + "; its log ends:\n" + tail(log));
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for S3Mock", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for S3Mock", e);
            }
        }
        throw new IOException("S3Mock did not answer at " + endpoint + " within 90 s; its log ends:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (root != null) {
            try (var files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A temporary folder: left for the system to clear.
            }
        }
    }
}
