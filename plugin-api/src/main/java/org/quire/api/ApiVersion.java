package org.quire.api;

import java.util.Objects;

/**
 * A version of the plugin API, {@code major.minor}. A change that breaks existing plugins raises the major
 * version; an addition that old plugins can ignore raises the minor version.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** The API version this build of the contract provides. Hosts compare every plugin's requirement with it. */
    public static final ApiVersion CURRENT = new ApiVersion(1, 5);

    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("API version numbers must not be negative: " + major + "." + minor);
        }
    }

    /**
     * Parses {@code "1"} or {@code "1.2"}.
     *
     * @throws IllegalArgumentException naming the text and the accepted form
     */
    public static ApiVersion parse(String text) {
        Objects.requireNonNull(text, "version");
        String trimmed = text.trim();
        String[] parts = trimmed.split("\\.", -1);
        if (parts.length < 1 || parts.length > 2) {
            throw new IllegalArgumentException("Not an API version: '" + text + "' (expected MAJOR or MAJOR.MINOR, e.g. 1.0)");
        }
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
            return new ApiVersion(major, minor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an API version: '" + text + "' (expected MAJOR or MAJOR.MINOR, e.g. 1.0)", e);
        }
    }

    @Override
    public int compareTo(ApiVersion other) {
        int byMajor = Integer.compare(major, other.major);
        return byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
