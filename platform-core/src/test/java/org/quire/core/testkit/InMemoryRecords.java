package org.quire.core.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

import org.quire.api.PluginDescriptor;
import org.quire.api.records.CollectionDefinition;
import org.quire.api.records.FieldType;
import org.quire.api.records.IndexedField;
import org.quire.api.records.PluginRecord;
import org.quire.api.records.PluginRecords;
import org.quire.api.records.RecordCollection;
import org.quire.api.records.RecordConflictException;
import org.quire.api.records.RecordLimitException;
import org.quire.api.records.RecordPage;
import org.quire.api.records.RecordQuery;

/**
 * Plugin records in memory, for plugin tests without Quarkus: the host's rules (versions and conflicts, the types
 * of indexed fields, JSON values only, keys and indexed text up to 255 characters, a collection's maxRecords,
 * queries with nulls last and ties by key, batches all or nothing). Not checked here: the document size, which
 * the host measures in JSON bytes.
 */
final class InMemoryRecords implements PluginRecords {

    private record Stored(Map<String, Object> document, long version, Instant createdAt, Instant updatedAt) {
    }

    private final PluginDescriptor descriptor;
    private final Map<String, TreeMap<String, Stored>> collections = new LinkedHashMap<>();
    private long clock;

    InMemoryRecords(PluginDescriptor descriptor) {
        this.descriptor = descriptor;
        descriptor.collections().forEach(c -> collections.put(c.name(), new TreeMap<>()));
    }

    @Override
    public RecordCollection collection(String name) {
        CollectionDefinition definition = descriptor.collections().stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Plugin '" + descriptor.id()
                        + "' declares no collection '" + name + "'"));
        return new MemoryCollection(definition);
    }

    @Override
    public synchronized <T> T inOneTransaction(Function<PluginRecords, T> work) {
        Map<String, TreeMap<String, Stored>> before = new LinkedHashMap<>();
        collections.forEach((name, records) -> before.put(name, new TreeMap<>(records)));
        try {
            return work.apply(this);
        } catch (RuntimeException | Error e) {
            collections.clear();
            collections.putAll(before);
            throw e;
        }
    }

    private final class MemoryCollection implements RecordCollection {
        private final CollectionDefinition definition;
        private final String where;

        MemoryCollection(CollectionDefinition definition) {
            this.definition = definition;
            this.where = "Plugin '" + descriptor.id() + "', collection '" + definition.name() + "'";
        }

        private TreeMap<String, Stored> records() {
            return collections.get(definition.name());
        }

        @Override
        public CollectionDefinition definition() {
            return definition;
        }

        @Override
        public Optional<PluginRecord> get(String key) {
            synchronized (InMemoryRecords.this) {
                checkKey(key);
                return Optional.ofNullable(records().get(key)).map(s -> record(key, s));
            }
        }

        @Override
        public PluginRecord insert(String key, Map<String, ?> document) {
            synchronized (InMemoryRecords.this) {
                Map<String, Object> copy = checked(key, document);
                Stored there = records().get(key);
                if (there != null) {
                    throw new RecordConflictException(where + ": record '" + key + "' exists already (version "
                            + there.version() + ")", OptionalLong.of(there.version()));
                }
                if (records().size() >= definition.maxRecords()) {
                    throw new RecordLimitException(where + " holds " + records().size() + " records, as many as"
                            + " it may (its declared maxRecords is " + definition.maxRecords() + ")");
                }
                Instant now = Instant.ofEpochSecond(1_800_000_000L + ++clock);
                Stored stored = new Stored(copy, 1, now, now);
                records().put(key, stored);
                return record(key, stored);
            }
        }

        @Override
        public PluginRecord put(String key, Map<String, ?> document) {
            synchronized (InMemoryRecords.this) {
                Stored there = records().get(key);
                return there == null ? insert(key, document) : replace(key, there.version(), document);
            }
        }

        @Override
        public PluginRecord replace(String key, long expectedVersion, Map<String, ?> document) {
            synchronized (InMemoryRecords.this) {
                Map<String, Object> copy = checked(key, document);
                Stored there = notAt(key, expectedVersion);
                Stored stored = new Stored(copy, expectedVersion + 1, there.createdAt(),
                        Instant.ofEpochSecond(1_800_000_000L + ++clock));
                records().put(key, stored);
                return record(key, stored);
            }
        }

        @Override
        public boolean delete(String key) {
            synchronized (InMemoryRecords.this) {
                checkKey(key);
                return records().remove(key) != null;
            }
        }

        @Override
        public boolean delete(String key, long expectedVersion) {
            synchronized (InMemoryRecords.this) {
                checkKey(key);
                if (!records().containsKey(key)) {
                    return false;
                }
                notAt(key, expectedVersion);
                return records().remove(key) != null;
            }
        }

        @Override
        public RecordPage find(RecordQuery query) {
            synchronized (InMemoryRecords.this) {
                List<Map.Entry<String, Stored>> found = matching(query);
                IndexedField field = query.orderField() == null ? null : field(query.orderField());
                int direction = query.order() == RecordQuery.Order.ASCENDING ? 1 : -1;
                // As the host's SQL: by the field (a record without it last either way), then by key.
                Comparator<Map.Entry<String, Stored>> order = (a, b) -> {
                    if (field != null) {
                        Object x = indexed(field, a.getValue().document());
                        Object y = indexed(field, b.getValue().document());
                        if (x == null || y == null) {
                            if (x != y) {
                                return x == null ? 1 : -1;
                            }
                        } else if (compare(x, y) != 0) {
                            return direction * compare(x, y);
                        }
                    }
                    return direction * a.getKey().compareTo(b.getKey());
                };
                found.sort(order);
                List<PluginRecord> page = found.stream().skip(query.offset()).limit(query.limit())
                        .map(e -> record(e.getKey(), e.getValue())).toList();
                return new RecordPage(page, found.size(), query.offset());
            }
        }

        @Override
        public long count(RecordQuery query) {
            synchronized (InMemoryRecords.this) {
                return matching(query).size();
            }
        }

        private List<Map.Entry<String, Stored>> matching(RecordQuery query) {
            List<Map.Entry<String, Stored>> found = new ArrayList<>();
            for (Map.Entry<String, Stored> entry : records().entrySet()) {
                boolean all = true;
                for (RecordQuery.Condition condition : query.conditions()) {
                    IndexedField field = field(condition.field());
                    Object wanted = value(field, condition.value(), "the query");
                    Object value = indexed(field, entry.getValue().document());
                    int compared = value == null ? 0 : compare(value, wanted);
                    all &= value != null && switch (condition.operator()) {
                        case EQUALS -> compared == 0;
                        case AT_LEAST -> compared >= 0;
                        case BELOW -> compared < 0;
                    };
                }
                if (all) {
                    found.add(entry);
                }
            }
            return found;
        }

        private IndexedField field(String name) {
            return definition.field(name).orElseThrow(() -> new IllegalArgumentException(where
                    + " indexes no field '" + name + "'"));
        }

        /** The document's value of an indexed field as the index holds it; null when absent or unfit. */
        private Object indexed(IndexedField field, Map<String, Object> document) {
            Object value = document.get(field.name());
            try {
                return value == null ? null : value(field, value, "record");
            } catch (RuntimeException e) {
                return null;
            }
        }

        private Object value(IndexedField field, Object value, String what) {
            String refusal = where + ", " + what + ": field '" + field.name() + "' is indexed as "
                    + field.type().name().toLowerCase(java.util.Locale.ROOT) + " but holds " + value;
            if (field.type() == FieldType.STRING) {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException(refusal);
                }
                if (text.length() > IndexedField.LONGEST_STRING) {
                    throw new RecordLimitException(where + ", " + what + ": field '" + field.name() + "' holds "
                            + text.length() + " characters; an indexed string holds at most "
                            + IndexedField.LONGEST_STRING);
                }
                return text;
            }
            if (field.type() == FieldType.NUMBER) {
                if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                    throw new IllegalArgumentException(refusal);
                }
                return number.doubleValue();
            }
            if (value instanceof Instant instant) {
                return instant;
            }
            try {
                return OffsetDateTime.parse((String) value).toInstant();
            } catch (ClassCastException | DateTimeParseException e) {
                throw new IllegalArgumentException(refusal + ", which is not an ISO-8601 time with an offset");
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private int compare(Object a, Object b) {
            return ((Comparable) a).compareTo(b);
        }

        private Stored notAt(String key, long expectedVersion) {
            Stored there = records().get(key);
            if (there == null || there.version() != expectedVersion) {
                throw new RecordConflictException(where + ": record '" + key + "' is "
                        + (there == null ? "gone" : "at version " + there.version()) + ", not at version "
                        + expectedVersion + " as expected", there == null ? OptionalLong.empty()
                        : OptionalLong.of(there.version()));
            }
            return there;
        }

        private Map<String, Object> checked(String key, Map<String, ?> document) {
            checkKey(key);
            if (document == null) {
                throw new IllegalArgumentException(where + ", record '" + key + "': the document is null");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = (Map<String, Object>) plain(where + ", record '" + key + "'", "", document);
            for (IndexedField field : definition.indexed()) {
                Object value = copy.get(field.name());
                if (value != null) {
                    value(field, value, "record '" + key + "'");
                }
            }
            return copy;
        }

        private void checkKey(String key) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException(where + ": a record's key must not be empty");
            }
            if (key.length() > 255) {
                throw new RecordLimitException(where + ": a key of " + key.length() + " characters is too long;"
                        + " keys hold at most 255");
            }
        }

        private PluginRecord record(String key, Stored stored) {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = (Map<String, Object>) plain(where, "", stored.document());
            return new PluginRecord(definition.name(), key, copy, stored.version(), stored.createdAt(),
                    stored.updatedAt());
        }
    }

    /** A deep copy of a JSON value, as the host would read it back; refuses anything JSON does not hold. */
    private static Object plain(String where, String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException(where + ": a key that is not text (" + entry.getKey() + ")");
                }
                copy.put(name, plain(where, path.isEmpty() ? name : path + "." + name, entry.getValue()));
            }
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>();
            int index = 0;
            for (Object item : list) {
                copy.add(plain(where, path + "[" + index++ + "]", item));
            }
            return copy;
        }
        throw new IllegalArgumentException(where + ": field '" + path + "' holds a " + value.getClass().getName()
                + "; a document holds JSON values only");
    }
}
