package org.quire.api.records;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A top-level field of a collection's documents that the host indexes, so records can be found by its value
 * ({@link RecordQuery#where}, {@link RecordQuery#from}, {@link RecordQuery#before}) and ordered by it. A record
 * whose document lacks the field, or holds null there, matches no condition on it and sorts last. Since API 1.4.
 */
public record IndexedField(String name, FieldType type) {

    /** The longest value an indexed {@link FieldType#STRING} field may hold; a longer one is refused. */
    public static final int LONGEST_STRING = 255;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    public IndexedField {
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An indexed field's name must be 1-64 letters, digits and underscores,"
                    + " not starting with a digit: '" + name + "'");
        }
    }
}
