package org.quire.core.testkit;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.quire.api.PluginDescriptor;
import org.quire.api.http.OutboundHttp;
import org.quire.api.http.OutboundRefusedException;
import org.quire.api.http.OutboundRequest;
import org.quire.api.http.OutboundResponse;

/**
 * A plugin's outbound calls in {@link TestHost}: refused for a host its descriptor does not list, as the host
 * refuses them, and otherwise answered by what the test set for the URL's beginning ({@link TestHost#answer}),
 * each call kept for the test to look at. No call leaves the machine.
 */
final class InMemoryHttp implements OutboundHttp {

    private final PluginDescriptor descriptor;
    private final Map<String, Function<OutboundRequest, OutboundResponse>> answers;
    private final List<OutboundRequest> sent = new CopyOnWriteArrayList<>();

    InMemoryHttp(PluginDescriptor descriptor, Map<String, Function<OutboundRequest, OutboundResponse>> answers) {
        this.descriptor = descriptor;
        this.answers = answers;
    }

    @Override
    public OutboundResponse send(OutboundRequest request) throws IOException {
        String host = request.uri().getHost() == null ? "" : request.uri().getHost().toLowerCase(Locale.ROOT);
        if (!declared(host)) {
            throw new OutboundRefusedException("Plugin '" + descriptor.id() + "' may not call " + host
                    + ": its descriptor lists " + String.join(", ", descriptor.calls()));
        }
        sent.add(request);
        String url = request.uri().toString();
        Function<OutboundRequest, OutboundResponse> answer = answers.entrySet().stream()
                .filter(e -> url.startsWith(e.getKey())).max(Map.Entry.comparingByKey(
                        java.util.Comparator.comparingInt(String::length)))
                .map(Map.Entry::getValue).orElse(null);
        if (answer == null) {
            throw new IOException("TestHost: nothing answers " + url + " (set an answer with TestHost#answer)");
        }
        return answer.apply(request);
    }

    private boolean declared(String host) {
        for (String pattern : descriptor.calls()) {
            String lower = pattern.toLowerCase(Locale.ROOT);
            boolean under = lower.startsWith("*.") && host.endsWith(lower.substring(1));
            if (lower.equals("*") || lower.equals(host) || under) {
                return true;
            }
        }
        return false;
    }

    List<OutboundRequest> sent() {
        return List.copyOf(sent);
    }
}
