package org.quire.api.records;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One stored record of a plugin. Since API 1.4.
 *
 * @param collection the collection it belongs to
 * @param key        unique within the collection, chosen by the plugin (1-255 characters)
 * @param document   the record's data: JSON values only, as read back ({@code String}, {@code Boolean},
 *                   {@code Integer}, {@code Long}, {@code Double}, {@code java.math.BigInteger} or
 *                   {@code java.math.BigDecimal}, {@code List}, {@code Map} and {@code null}); unmodifiable
 * @param version    1 when inserted, one more at each change: pass it to
 *                   {@link RecordCollection#replace(String, long, Map)} so a change made meanwhile is not lost
 * @param createdAt  when it was inserted
 * @param updatedAt  when it last changed
 */
public record PluginRecord(String collection, String key, Map<String, Object> document, long version,
                           Instant createdAt, Instant updatedAt) {

    public PluginRecord {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(key, "key");
        document = document == null ? Map.of() : java.util.Collections.unmodifiableMap(document);
    }
}
