package org.quire.api.records;

import java.util.Map;
import java.util.Optional;

/**
 * One collection of a plugin's records. Each call is one transaction of its own (or part of the batch it runs
 * in, see {@link PluginRecords#inOneTransaction}), and what it commits is seen at once by every instance of the
 * site. Documents are maps of JSON values (strings, numbers, booleans, null, lists and maps of these); the host
 * stores them as JSON. Since API 1.4.
 *
 * @see RecordConflictException for a key taken or a version passed
 * @see RecordLimitException for a document, key or collection too large
 */
public interface RecordCollection {

    /** The collection's declaration. */
    CollectionDefinition definition();

    Optional<PluginRecord> get(String key);

    /**
     * Stores a new record.
     *
     * @throws RecordConflictException when the key is taken (another instance may have inserted it just now)
     */
    PluginRecord insert(String key, Map<String, ?> document);

    /** Stores the document under the key whatever is there: a new record or the next version of the one there. */
    PluginRecord put(String key, Map<String, ?> document);

    /**
     * Replaces the document of the record at this version: the optimistic update. Of two plugins (or instances)
     * that read version 3 and replace it, one gets version 4, the other this exception.
     *
     * @throws RecordConflictException when the record is not at {@code expectedVersion} or is gone
     */
    PluginRecord replace(String key, long expectedVersion, Map<String, ?> document);

    /** Deletes the record, whatever its version; false when there was none. */
    boolean delete(String key);

    /**
     * Deletes the record at this version.
     *
     * @throws RecordConflictException when it is at another version; nothing is deleted
     */
    boolean delete(String key, long expectedVersion);

    /** A page of the records the query finds. */
    RecordPage find(RecordQuery query);

    /** How many records the query's conditions find (its order, offset and limit do not count). */
    long count(RecordQuery query);
}
