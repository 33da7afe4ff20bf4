package org.quire.api;

import java.util.Objects;

/**
 * The API versions a plugin works with, written as a Maven-style interval: {@code [1.0,2.0)} means 1.0 or later
 * but before 2.0; {@code [1.0,]} or {@code [1.0,)} has no upper bound. A bare version {@code 1.2} means
 * {@code [1.2,2.0)}: that minor version or any later one of the same major version.
 */
public final class ApiVersionRange {

    private final ApiVersion lower;
    private final boolean lowerInclusive;
    private final ApiVersion upper;
    private final boolean upperInclusive;
    private final String text;

    private ApiVersionRange(ApiVersion lower, boolean lowerInclusive, ApiVersion upper, boolean upperInclusive, String text) {
        this.lower = lower;
        this.lowerInclusive = lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upperInclusive;
        this.text = text;
    }

    /** The range of every version of {@code major} from {@code major.minor} on. */
    public static ApiVersionRange compatibleWith(ApiVersion version) {
        return parse(version.toString());
    }

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static ApiVersionRange parse(String text) {
        Objects.requireNonNull(text, "range");
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw invalid(text);
        }
        char first = trimmed.charAt(0);
        if (first != '[' && first != '(') {
            ApiVersion from = parseVersion(trimmed, text);
            return new ApiVersionRange(from, true, new ApiVersion(from.major() + 1, 0), false, trimmed);
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        if (last != ']' && last != ')') {
            throw invalid(text);
        }
        String inner = trimmed.substring(1, trimmed.length() - 1);
        int comma = inner.indexOf(',');
        if (comma < 0 || inner.indexOf(',', comma + 1) >= 0) {
            throw invalid(text);
        }
        String lowerText = inner.substring(0, comma).trim();
        String upperText = inner.substring(comma + 1).trim();
        ApiVersion lower = lowerText.isEmpty() ? null : parseVersion(lowerText, text);
        ApiVersion upper = upperText.isEmpty() ? null : parseVersion(upperText, text);
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("API version range '" + text + "' is empty: its lower bound is above its upper bound");
        }
        return new ApiVersionRange(lower, first == '[', upper, last == ']', trimmed);
    }

    private static ApiVersion parseVersion(String version, String range) {
        try {
            return ApiVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw invalid(range);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("Not an API version range: '" + text
                + "' (expected a version such as 1.0, or an interval such as [1.0,2.0) or [1.1,])");
    }

    public boolean includes(ApiVersion version) {
        if (lower != null) {
            int c = version.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = version.compareTo(upper);
            if (c > 0 || (c == 0 && !upperInclusive)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiVersionRange other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
