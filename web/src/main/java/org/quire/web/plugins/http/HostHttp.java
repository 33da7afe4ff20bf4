package org.quire.web.plugins.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quire.api.Capability;
import org.quire.api.PluginDescriptor;
import org.quire.api.http.OutboundHttp;
import org.quire.api.http.OutboundRefusedException;
import org.quire.api.http.OutboundRequest;
import org.quire.api.http.OutboundResponse;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Plugins' calls to other servers (API 1.4). Each hop resolves the host here, checks every address it resolves
 * to, and connects to the checked address itself (Vert.x's {@code setServer}), while TLS and the Host header still
 * name the host: a name that resolves to a public address for the check and a private one for the connection
 * (DNS rebinding) cannot happen, because there is no second resolution.
 */
@ApplicationScoped
public class HostHttp {

    @Inject
    Vertx vertx;

    /** Ranges plugins may call although they are special (loopback, private…); none by default. */
    @ConfigProperty(name = "quire.http-client.allow-addresses")
    Optional<List<String>> allowAddresses;

    @ConfigProperty(name = "quire.http-client.connect-timeout", defaultValue = "5s")
    Duration connectTimeout;

    @ConfigProperty(name = "quire.http-client.max-response-bytes", defaultValue = "5242880")
    int maxResponseBytes;

    @ConfigProperty(name = "quire.http-client.max-redirects", defaultValue = "5")
    int maxRedirects;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    private volatile HttpClient client;
    private volatile AddressPolicy policy;

    /** The calls of one plugin, refused unless it declared {@link Capability#OUTBOUND_HTTP}. */
    public OutboundHttp forPlugin(PluginDescriptor descriptor) {
        if (!descriptor.uses(Capability.OUTBOUND_HTTP)) {
            throw new IllegalStateException("Plugin '" + descriptor.id() + "' declares no host it calls: declare"
                    + " them with PluginDescriptor.Builder#calls to use http()");
        }
        return request -> send(descriptor, request);
    }

    OutboundResponse send(PluginDescriptor plugin, OutboundRequest request) throws IOException {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Plugin '" + plugin.id() + "' called " + request.uri() + " on an event"
                    + " loop thread; call from a task or a route");
        }
        long deadline = System.nanoTime() + request.timeout().toNanos();
        URI uri = request.uri();
        String method = request.method();
        byte[] body = request.body();
        for (int hop = 0; hop <= maxRedirects; hop++) {
            InetAddress target = checked(plugin, uri);
            OutboundResponse response = exchange(plugin, uri, target, method, request.headers(), body, deadline);
            int status = response.status();
            Optional<String> location = response.header("location");
            if (!(status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                    || location.isEmpty()) {
                return response;
            }
            try {
                uri = uri.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                throw new OutboundRefusedException("Plugin '" + plugin.id() + "': " + uri + " redirected to '"
                        + location.get() + "', which is not an address");
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new OutboundRefusedException("Plugin '" + plugin.id() + "': a redirect to " + uri
                        + " is not http or https");
            }
            if (status == 303 || ((status == 301 || status == 302) && method.equals("POST"))) {
                method = "GET";
                body = new byte[0];
            }
        }
        throw new OutboundRefusedException("Plugin '" + plugin.id() + "': " + request.uri() + " redirected more than "
                + maxRedirects + " times (quire.http-client.max-redirects)");
    }

    /** The address to connect to for the URI's host, once the plugin's declaration and every address pass. */
    private InetAddress checked(PluginDescriptor plugin, URI uri) throws IOException {
        String host = AddressPolicy.literal(uri.getHost());
        if (plugin.calls().stream().noneMatch(pattern -> HostPatterns.matches(pattern, host))) {
            throw new OutboundRefusedException("Plugin '" + plugin.id() + "' calls only " + String.join(", ",
                    plugin.calls()) + "; " + host + " is not among them (declare it with"
                    + " PluginDescriptor.Builder#calls)");
        }
        Optional<String> form = AddressPolicy.refusedForm(uri.getHost());
        if (form.isPresent()) {
            throw new OutboundRefusedException("Plugin '" + plugin.id() + "': the call to " + uri + " is refused: "
                    + form.get());
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IOException("Plugin '" + plugin.id() + "': " + host + " cannot be resolved", e);
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = policy().refused(address);
            if (refused.isPresent()) {
                throw new OutboundRefusedException("Plugin '" + plugin.id() + "': the call to " + uri
                        + " is refused: " + host + " is " + refused.get());
            }
        }
        return addresses[0];
    }

    private OutboundResponse exchange(PluginDescriptor plugin, URI uri, InetAddress target, String method,
                                      Map<String, List<String>> headers, byte[] body, long deadline)
            throws IOException {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            throw new IOException("Plugin '" + plugin.id() + "': no answer from " + uri + " in time");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method))
                .setHost(AddressPolicy.literal(uri.getHost())).setPort(port).setSsl(https).setURI(path)
                .setServer(SocketAddress.inetSocketAddress(port, target.getHostAddress()))
                .setFollowRedirects(false).setTimeout(remaining);
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(value -> options.addHeader(name, value));
            }
        });
        if (headers.keySet().stream().noneMatch(n -> n.equalsIgnoreCase("user-agent"))) {
            options.addHeader("User-Agent", "Quire/" + version + " (plugin " + plugin.id() + ")");
        }
        Promise<OutboundResponse> answered = Promise.promise();
        // Sent from an event loop, so the answer's handlers are set before its end can arrive: from this worker
        // thread, an empty answer (a redirect) could end before read() saw it, and the call would hang.
        java.util.concurrent.atomic.AtomicReference<io.vertx.core.http.HttpClientRequest> sent =
                new java.util.concurrent.atomic.AtomicReference<>();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(started -> {
            try {
                client().request(options)
                        .compose(request -> {
                            sent.set(request);
                            return request.send(Buffer.buffer(body));
                        })
                        .onFailure(answered::tryFail)
                        .onSuccess(response -> read(plugin, uri, response, answered));
            } catch (RuntimeException e) {
                answered.tryFail(e);
            }
        });
        try {
            return answered.future().toCompletionStage().toCompletableFuture().get(remaining + 1000,
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(context, sent.get());
            throw new IOException("Plugin '" + plugin.id() + "': interrupted while calling " + uri, e);
        } catch (TimeoutException e) {
            // The request's own timeout is for silence; a server that trickles bytes is cut off here.
            abandon(context, sent.get());
            throw new IOException("Plugin '" + plugin.id() + "': no answer from " + uri + " in time", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutboundRefusedException refused) {
                throw refused;
            }
            if (cause instanceof TimeoutException || cause instanceof io.vertx.core.impl.NoStackTraceTimeoutException) {
                throw new IOException("Plugin '" + plugin.id() + "': no answer from " + uri + " in time ("
                        + remaining + " ms left of the call's timeout)", cause);
            }
            throw new IOException("Plugin '" + plugin.id() + "': calling " + uri + " failed: " + cause, cause);
        }
    }

    private static void abandon(Context context, io.vertx.core.http.HttpClientRequest request) {
        if (request != null) {
            context.runOnContext(ignored -> request.reset());
        }
    }

    private void read(PluginDescriptor plugin, URI uri, HttpClientResponse response,
                      Promise<OutboundResponse> answered) {
        Buffer body = Buffer.buffer();
        try {
            readInto(plugin, uri, response, answered, body);
        } catch (IllegalStateException ended) {
            answered.tryFail(new IOException("Plugin '" + plugin.id() + "': the answer from " + uri
                    + " ended before it could be read", ended));
        }
    }

    private void readInto(PluginDescriptor plugin, URI uri, HttpClientResponse response,
                          Promise<OutboundResponse> answered, Buffer body) {
        response.handler(chunk -> {
            if (body.length() + chunk.length() > maxResponseBytes) {
                answered.tryFail(new OutboundRefusedException("Plugin '" + plugin.id() + "': the answer from " + uri
                        + " is more than " + maxResponseBytes + " bytes (quire.http-client.max-response-bytes)"));
                response.request().reset();
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(answered::tryFail);
        response.endHandler(end -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT),
                    k -> new java.util.ArrayList<>()).add(h.getValue()));
            answered.tryComplete(new OutboundResponse(response.statusCode(), Map.copyOf(headers), body.getBytes(), uri));
        });
    }

    private HttpClient client() {
        HttpClient known = client;
        if (known == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) connectTimeout.toMillis()).setVerifyHost(true)
                            .setForceSni(true).setTryUseCompression(false).setMaxRedirects(0));
                }
                known = client;
            }
        }
        return known;
    }

    private AddressPolicy policy() {
        AddressPolicy known = policy;
        if (known == null) {
            known = policy = new AddressPolicy(allowAddresses.orElse(List.of()));
        }
        return known;
    }
}
