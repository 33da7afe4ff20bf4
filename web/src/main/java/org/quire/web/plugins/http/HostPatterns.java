package org.quire.web.plugins.http;

import java.util.Locale;

/**
 * The hosts a plugin declares it calls: a name ({@code hooks.example.org}), every name under one
 * ({@code *.example.org}, not {@code example.org} itself), an address literal, or {@code *} for any host (a webhook
 * plugin, whose addresses administrators enter). The address rules apply whatever the pattern.
 */
final class HostPatterns {

    private HostPatterns() {
    }

    static boolean matches(String pattern, String host) {
        String p = AddressPolicy.literal(pattern.strip());
        String h = host.toLowerCase(Locale.ROOT);
        if (p.equals("*")) {
            return true;
        }
        if (p.startsWith("*.")) {
            return h.endsWith(p.substring(1)) && h.length() > p.length() - 1;
        }
        return p.equals(h);
    }
}
