package org.quire.web.mail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server for the tests, independent of ours: Debian's python3-aiosmtpd, started as its own process on
 * loopback, keeping each mail it takes as a file in a Maildir. {@code .ci/run} installs it; without it the test
 * fails and says how to install it (it never skips).
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static final String PYTHON = "/usr/bin/python3";
    private static volatile Path maildir;

    private Process process;
    private Path root;

    @Override
    public Map<String, String> start() {
        try {
            Process check = new ProcessBuilder(PYTHON, "-c", "import aiosmtpd").redirectErrorStream(true).start();
            if (check.waitFor() != 0) {
                throw new IllegalStateException("Debian's python3-aiosmtpd is missing: apt-get install"
                        + " python3-aiosmtpd (bash .ci/run does)");
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            root = Files.createTempDirectory("quire-smtp-");
            maildir = root.resolve("Maildir");
            process = new ProcessBuilder(PYTHON, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + port, "-c",
                    "aiosmtpd.handlers.Mailbox", maildir.toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("smtp.log").toFile()).start();
            awaitListening(port);
            return Map.of("quire.mail.host", "127.0.0.1", "quire.mail.port", String.valueOf(port),
                    "quire.mail.from", "news@example.org", "quire.mail.start-tls", "DISABLED",
                    "quire.mail.mock", "false", "quire.mail.timeout", "10s");
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("The SMTP server did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the SMTP server", e);
        }
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("aiosmtpd exited with " + process.exitValue() + ": "
                        + Files.readString(root.resolve("smtp.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("aiosmtpd did not listen on 127.0.0.1:" + port + " within 30 s");
    }

    /** The raw messages the server took so far, oldest first. */
    public static List<String> messages() throws IOException {
        Path delivered = maildir.resolve("new");
        if (!Files.isDirectory(delivered)) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(delivered)) {
            for (Path file : files.sorted(Comparator.comparing(SmtpServer::modified)).toList()) {
                messages.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return messages;
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A temporary folder: left for the system to clear.
            }
        }
    }
}
