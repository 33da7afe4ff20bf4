package org.quire.plugin.awscards;

import java.util.Locale;
import java.util.regex.Pattern;

/** How service names are compared: without case, runs of spaces, or a leading "Amazon" or "AWS". */
final class ServiceNames {

    private static final Pattern PREFIX = Pattern.compile("^(?i:amazon|aws)\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ServiceNames() {
    }

    /** {@code "Amazon  Route 53"} → {@code "Route 53"}. */
    static String withoutPrefix(String name) {
        String trimmed = SPACES.matcher(name.strip()).replaceAll(" ");
        return PREFIX.matcher(trimmed).replaceFirst("");
    }

    static boolean hasPrefix(String name) {
        return PREFIX.matcher(SPACES.matcher(name.strip()).replaceAll(" ")).find();
    }

    /** The form names are matched in: {@code "Amazon Route 53"} → {@code "route 53"}. */
    static String key(String name) {
        return withoutPrefix(name).toLowerCase(Locale.ROOT);
    }
}
