package org.quire.web.plugins.records;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.quire.api.records.CollectionDefinition;
import org.quire.api.records.FieldType;
import org.quire.api.records.IndexedField;
import org.quire.api.records.RecordLimitException;

/**
 * Where a collection's indexed fields live in its rows: its string fields in s1-s4 in the order declared, numbers
 * in n1-n2, times in t1-t2. The values are checked against the declared types here, once for writes and queries.
 */
final class SlotLayout {

    private final String where;
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    /** A slot: a column of {@link RecordRow} and the field that fills it. */
    record Slot(String column, IndexedField field) {
    }

    /** @param where names the plugin and collection in messages */
    SlotLayout(String where, CollectionDefinition definition) {
        this.where = where;
        for (FieldType type : FieldType.values()) {
            List<IndexedField> fields = definition.fields(type);
            String prefix = switch (type) {
                case STRING -> "s";
                case NUMBER -> "n";
                case TIME -> "t";
            };
            for (int i = 0; i < fields.size(); i++) {
                slots.put(fields.get(i).name(), new Slot(prefix + (i + 1), fields.get(i)));
            }
        }
    }

    /** The layout as text, to notice a declaration that changed: {@code s1=post;t1=at}. */
    String signature() {
        return slots.values().stream().map(s -> s.column() + "=" + s.field().name())
                .collect(Collectors.joining(";"));
    }

    Slot slot(String field) {
        Slot slot = slots.get(field);
        if (slot == null) {
            throw new IllegalArgumentException(where + " indexes no field '" + field + "'"
                    + (slots.isEmpty() ? "; it indexes none" : "; it indexes " + String.join(", ", slots.keySet())));
        }
        return slot;
    }

    /** Copies the indexed fields of the document into the row's slots, refusing a value of the wrong type. */
    void fill(RecordRow row, Map<String, ?> document, String key) {
        clear(row);
        for (Slot slot : slots.values()) {
            Object value = document.get(slot.field().name());
            if (value != null) {
                set(row, slot.column(), value(slot, value, "record '" + key + "'"));
            }
        }
    }

    /** As {@link #fill}, but a value of the wrong type leaves its slot empty (documents stored under another layout). */
    int refill(RecordRow row, Map<String, ?> document) {
        clear(row);
        int unfit = 0;
        for (Slot slot : slots.values()) {
            Object value = document.get(slot.field().name());
            if (value != null) {
                try {
                    set(row, slot.column(), value(slot, value, "record"));
                } catch (IllegalArgumentException | RecordLimitException e) {
                    unfit++;
                }
            }
        }
        return unfit;
    }

    /**
     * A document's or query's value as its slot holds it.
     *
     * @param what what holds the value, for the message ("record 'k'", "the query")
     */
    Object value(Slot slot, Object value, String what) {
        IndexedField field = slot.field();
        String refusal = where + ", " + what + ": field '" + field.name() + "' is indexed as "
                + field.type().name().toLowerCase(java.util.Locale.ROOT) + " but holds ";
        switch (field.type()) {
            case STRING -> {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException(refusal + describe(value));
                }
                if (text.length() > IndexedField.LONGEST_STRING) {
                    throw new RecordLimitException(where + ", " + what + ": field '" + field.name() + "' holds "
                            + text.length() + " characters; an indexed string holds at most "
                            + IndexedField.LONGEST_STRING);
                }
                return text;
            }
            case NUMBER -> {
                if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                    throw new IllegalArgumentException(refusal + describe(value));
                }
                return number.doubleValue();
            }
            default -> {
                if (value instanceof Instant instant) {
                    return instant;
                }
                if (value instanceof String text) {
                    try {
                        return OffsetDateTime.parse(text).toInstant();
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(refusal + "'" + text + "', which is not an ISO-8601 time"
                                + " with an offset, such as 2026-12-07T10:15:30Z");
                    }
                }
                throw new IllegalArgumentException(refusal + describe(value));
            }
        }
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return "the text '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value + " (" + (value instanceof Boolean ? "a boolean" : "a number") + ")";
        }
        return value instanceof Map ? "an object" : value instanceof java.util.Collection ? "a list"
                : "a " + value.getClass().getSimpleName();
    }

    private static void clear(RecordRow row) {
        row.s1 = row.s2 = row.s3 = row.s4 = null;
        row.n1 = row.n2 = null;
        row.t1 = row.t2 = null;
    }

    private static void set(RecordRow row, String column, Object value) {
        switch (column) {
            case "s1" -> row.s1 = (String) value;
            case "s2" -> row.s2 = (String) value;
            case "s3" -> row.s3 = (String) value;
            case "s4" -> row.s4 = (String) value;
            case "n1" -> row.n1 = (Double) value;
            case "n2" -> row.n2 = (Double) value;
            case "t1" -> row.t1 = (Instant) value;
            case "t2" -> row.t2 = (Instant) value;
            default -> throw new IllegalStateException("No slot " + column);
        }
    }
}
