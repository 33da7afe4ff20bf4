package org.quire.web.plugins.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quire.api.PluginDescriptor;
import org.quire.api.http.OutboundHttp;
import org.quire.api.http.OutboundRefusedException;
import org.quire.api.http.OutboundRequest;
import org.quire.api.http.OutboundResponse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Plugins' outbound calls against a server of the JDK's own (com.sun.net.httpserver) on loopback, which this site
 * allows as 127.0.0.1/32 only: answers and redirects are followed as far as the rules allow, and a redirect to a
 * private address, too many redirects, a too large or too slow answer and an undeclared host are refused.
 */
@QuarkusTest
@TestProfile(HostHttpTest.LoopbackAllowed.class)
class HostHttpTest {

    public static class LoopbackAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.http-client.allow-addresses", "127.0.0.1/32",
                    "quire.http-client.max-response-bytes", "100000", "quire.http-client.max-redirects", "3");
        }
    }

    private static HttpServer peer;
    private static String base;

    @Inject
    HostHttp host;

    @BeforeAll
    static void startThePeer() throws IOException {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/ok", exchange -> {
            String agent = exchange.getRequestHeaders().getFirst("User-Agent");
            byte[] sent = exchange.getRequestBody().readAllBytes();
            answer(exchange, 200, exchange.getRequestMethod() + " " + new String(sent, StandardCharsets.UTF_8)
                    + " from " + agent + " to " + exchange.getRequestHeaders().getFirst("Host"));
        });
        peer.createContext("/moved", exchange -> redirect(exchange, 302, "/ok"));
        peer.createContext("/see-other", exchange -> redirect(exchange, 303, base + "/ok"));
        peer.createContext("/to-private", exchange -> redirect(exchange, 302, "http://10.0.0.1/admin"));
        peer.createContext("/to-metadata", exchange -> redirect(exchange, 307, "http://[::ffff:169.254.169.254]/"));
        peer.createContext("/loop", exchange -> redirect(exchange, 302, "/loop"));
        peer.createContext("/big", exchange -> answer(exchange, 200, "x".repeat(300_000)));
        peer.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "late");
        });
        peer.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        peer.start();
        base = "http://127.0.0.1:" + peer.getAddress().getPort();
    }

    @AfterAll
    static void stopThePeer() {
        peer.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private OutboundHttp plugin(String... hosts) {
        return host.forPlugin(PluginDescriptor.builder("caller").calls(hosts).build());
    }

    @Test
    void answersAndRedirectsAreFollowedWithinTheRules() throws IOException {
        OutboundHttp http = plugin("127.0.0.1");
        OutboundResponse ok = http.send(OutboundRequest.post(base + "/ok", "text/plain", "hello"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text()).startsWith("POST hello from Quire/").contains("(plugin caller)")
                .endsWith("to 127.0.0.1:" + peer.getAddress().getPort());
        OutboundResponse moved = http.send(OutboundRequest.get(base + "/moved"));
        assertThat(moved.text()).startsWith("GET ");
        assertThat(moved.uri().getPath()).isEqualTo("/ok");
        assertThat(http.send(OutboundRequest.post(base + "/see-other", "text/plain", "dropped")).text())
                .as("a 303 is followed with GET and no body").startsWith("GET  from");
    }

    @Test
    void whatTheRulesForbidIsRefusedSayingWhy() {
        OutboundHttp http = plugin("127.0.0.1");
        assertThatThrownBy(() -> http.send(OutboundRequest.get(base + "/to-private")))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining("Plugin 'caller' calls only 127.0.0.1; 10.0.0.1 is not among them");
        OutboundHttp anywhere = plugin("*");
        assertThatThrownBy(() -> anywhere.send(OutboundRequest.get(base + "/to-private")))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining("the call to http://10.0.0.1/admin is refused: 10.0.0.1 is 10.0.0.1, which is in"
                        + " 10.0.0.0/8");
        assertThatThrownBy(() -> anywhere.send(OutboundRequest.get(base + "/to-metadata")))
                .hasMessageContaining("is 169.254.169.254, which is in 169.254.0.0/16");
        assertThatThrownBy(() -> anywhere.send(OutboundRequest.get("http://2130706433/")))
                .hasMessageContaining("is a number in a form other than a.b.c.d");
        assertThatThrownBy(() -> anywhere.send(OutboundRequest.get("http://localhost:1/")))
                .as("localhost is 127.0.0.1 or ::1; ::1 is not allowed here").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> http.send(OutboundRequest.get(base + "/loop")))
                .hasMessageContaining("redirected more than 3 times");
        assertThatThrownBy(() -> http.send(OutboundRequest.get(base + "/big")))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("is more than 100000 bytes");
        assertThatThrownBy(() -> http.send(OutboundRequest.get(base + "/slow").timeout(Duration.ofMillis(500))))
                .isInstanceOf(IOException.class).hasMessageContaining("in time");
        assertThatThrownBy(() -> plugin("hooks.example.org").send(OutboundRequest.get(base + "/ok")))
                .hasMessage("Plugin 'caller' calls only hooks.example.org; 127.0.0.1 is not among them (declare it"
                        + " with PluginDescriptor.Builder#calls)");
        assertThatThrownBy(() -> host.forPlugin(PluginDescriptor.builder("quiet").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("declares no host it calls");
    }
}
