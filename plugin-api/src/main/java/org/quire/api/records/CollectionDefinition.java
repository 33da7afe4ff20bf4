package org.quire.api.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A named collection of a plugin's records, declared in its descriptor: the fields the host indexes and how many
 * records it may hold. Changing the indexed fields is allowed between versions of a plugin: at its next start the
 * host indexes the stored documents again. Since API 1.4.
 *
 * @param name       lower-case letters, digits and dashes, unique within the plugin
 * @param indexed    at most {@link #MOST_STRINGS} string, {@link #MOST_NUMBERS} number and {@link #MOST_TIMES}
 *                   time fields
 * @param maxRecords how many records the collection may hold; an insert past it is refused with a
 *                   {@link RecordLimitException} (the host may set a lower ceiling)
 */
public record CollectionDefinition(String name, List<IndexedField> indexed, int maxRecords) {

    public static final int MOST_STRINGS = 4;
    public static final int MOST_NUMBERS = 2;
    public static final int MOST_TIMES = 2;
    /** The record count a collection gets when it does not say. */
    public static final int DEFAULT_MAX_RECORDS = 100_000;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public CollectionDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A collection's name must be 1-64 lower-case letters, digits and"
                    + " dashes, starting with a letter: '" + name + "'");
        }
        indexed = indexed == null ? List.of() : List.copyOf(indexed);
        if (indexed.stream().map(IndexedField::name).distinct().count() != indexed.size()) {
            throw new IllegalArgumentException("Collection '" + name + "' indexes a field twice");
        }
        Map<FieldType, Long> byType = indexed.stream().collect(Collectors.groupingBy(IndexedField::type,
                Collectors.counting()));
        check(name, byType, FieldType.STRING, MOST_STRINGS);
        check(name, byType, FieldType.NUMBER, MOST_NUMBERS);
        check(name, byType, FieldType.TIME, MOST_TIMES);
        if (maxRecords < 1) {
            throw new IllegalArgumentException("Collection '" + name + "' must allow at least one record, not "
                    + maxRecords);
        }
    }

    private static void check(String name, Map<FieldType, Long> byType, FieldType type, int most) {
        long count = byType.getOrDefault(type, 0L);
        if (count > most) {
            throw new IllegalArgumentException("Collection '" + name + "' indexes " + count + " "
                    + type.name().toLowerCase(java.util.Locale.ROOT) + " fields; at most " + most + " are allowed");
        }
    }

    /** A collection with no indexed field and the default size; add fields with the methods below. */
    public static CollectionDefinition named(String name) {
        return new CollectionDefinition(name, List.of(), DEFAULT_MAX_RECORDS);
    }

    public CollectionDefinition indexString(String field) {
        return with(new IndexedField(field, FieldType.STRING));
    }

    public CollectionDefinition indexNumber(String field) {
        return with(new IndexedField(field, FieldType.NUMBER));
    }

    public CollectionDefinition indexTime(String field) {
        return with(new IndexedField(field, FieldType.TIME));
    }

    public CollectionDefinition maxRecords(int most) {
        return new CollectionDefinition(name, indexed, most);
    }

    /** The indexed field with this name. */
    public Optional<IndexedField> field(String fieldName) {
        return indexed.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The fields of one type, in the order declared. */
    public List<IndexedField> fields(FieldType type) {
        return indexed.stream().filter(f -> f.type() == type).toList();
    }

    private CollectionDefinition with(IndexedField field) {
        List<IndexedField> more = new ArrayList<>(indexed);
        more.add(field);
        return new CollectionDefinition(name, more, maxRecords);
    }

    /** The declarations by name, refusing a name declared twice. */
    static Map<String, CollectionDefinition> byName(String pluginId, List<CollectionDefinition> collections) {
        Map<String, CollectionDefinition> byName = new java.util.LinkedHashMap<>();
        for (CollectionDefinition collection : collections) {
            if (byName.put(collection.name(), Objects.requireNonNull(collection)) != null) {
                throw new IllegalArgumentException("Plugin '" + pluginId + "' declares collection '"
                        + collection.name() + "' twice");
            }
        }
        return byName;
    }

    /** For {@link org.quire.api.PluginDescriptor}: the declarations checked and copied. */
    public static List<CollectionDefinition> checked(String pluginId, List<CollectionDefinition> collections) {
        return collections == null ? List.of() : List.copyOf(byName(pluginId, collections).values());
    }
}
