package org.quire.web.plugins.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a plugin may call: public ones only, unless the site's configuration allows a range. Loopback,
 * "this host" (0.0.0.0, ::), link-local (169.254/16, fe80::/10, where cloud metadata lives), private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), multicast and the other special ranges are refused, an
 * IPv6 address that embeds an IPv4 one (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d) as that IPv4 address. A host
 * written as a number in another form (2130706433, 0177.0.0.1, 0x7f.1, 127.1) is refused outright: libraries read
 * such forms differently, which is how checks are slipped past.
 */
final class AddressPolicy {

    /** A range: an address and how many leading bits count. */
    record Range(byte[] network, int bits, String text) {

        static Range parse(String cidr) {
            String text = cidr.strip();
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            try {
                byte[] bytes = InetAddress.getByName(literal(address)).getAddress();
                int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("'" + cidr + "': the prefix length must be 0 to "
                            + bytes.length * 8);
                }
                return new Range(bytes, bits, text);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not an address range such as 127.0.0.1/32 or"
                        + " fd00::/8");
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Range> SPECIAL = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32", "100::/64").stream()
            .map(Range::parse).toList();

    /** One to four parts, each decimal (maybe with leading zeros, read as octal by some) or 0x-hexadecimal. */
    private static final Pattern NUMERIC_PARTS = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final List<Range> allowed;

    /** @param allowed ranges the site allows although they are special (tests: 127.0.0.1/32) */
    AddressPolicy(List<String> allowed) {
        List<Range> ranges = new ArrayList<>();
        allowed.stream().filter(s -> !s.isBlank()).forEach(s -> ranges.add(Range.parse(s)));
        this.allowed = List.copyOf(ranges);
    }

    /**
     * Why a host name as written in a URL is refused before it is resolved, if it is.
     *
     * @param host as {@link java.net.URI#getHost()} gives it (IPv6 in brackets)
     */
    static Optional<String> refusedForm(String host) {
        String bare = literal(host);
        if (NUMERIC_PARTS.matcher(bare).matches() && !DOTTED_QUAD.matcher(bare).matches()) {
            return Optional.of("'" + host + "' is a number in a form other than a.b.c.d (decimal, octal or"
                    + " hexadecimal parts, or fewer than four); write the address as a.b.c.d");
        }
        return Optional.empty();
    }

    /** Why the address is refused, if it is. */
    Optional<String> refused(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range range : allowed) {
            if (range.contains(bytes)) {
                return Optional.empty();
            }
        }
        byte[] embedded = embeddedIpv4(address);
        if (embedded != null) {
            try {
                return refused(InetAddress.getByAddress(embedded)).map(why -> address.getHostAddress()
                        + " carries the IPv4 address " + why);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        for (Range range : SPECIAL) {
            if (range.contains(bytes)) {
                return Optional.of(address.getHostAddress() + ", which is in " + range.text() + " (loopback, private,"
                        + " link-local or another special range; the site's quire.http-client.allow-addresses"
                        + " can allow a range)");
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), compatible (::/96) or NAT64 (64:ff9b::/96) one. */
    private static byte[] embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || compatible || nat64 ? new byte[] {b[12], b[13], b[14], b[15]} : null;
    }

    static String literal(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    static boolean isIpv4(InetAddress address) {
        return address instanceof Inet4Address;
    }
}
