package org.quire.api.http;

import java.io.IOException;

/**
 * Calls to other servers (webhooks, feeds, the fediverse), through the host: connect and read timeouts, a limit on
 * the response's size, a few redirects at most, and only to the hosts the plugin's descriptor declares
 * ({@link org.quire.api.PluginDescriptor.Builder#calls(String...)}). Addresses of this machine and its networks
 * (loopback, private, link-local and other special ranges) are refused unless the site's configuration allows
 * them; the check is made on the address each connection goes to, for every redirect too, so a name that resolves
 * differently the second time gains nothing. Call it from a task or a route, never while holding a lock others
 * wait for. Since API 1.4.
 */
public interface OutboundHttp {

    /**
     * Sends the request and reads the whole answer (following redirects).
     *
     * @throws OutboundRefusedException when the host is not declared, an address is refused, the answer is too
     *                                  large or there are too many redirects; the message says which
     * @throws IOException              when the server cannot be reached or does not answer in time
     */
    OutboundResponse send(OutboundRequest request) throws IOException;
}
