package org.quire.api.records;

import java.util.function.Function;

/**
 * A plugin's own records, kept by the host in the site's database, in the collections the plugin declares
 * ({@link org.quire.api.PluginDescriptor.Builder#collection(CollectionDefinition)}). They are part of the site's
 * backup, survive turning the plugin off, and stay when it is removed unless the administrator deletes them; a
 * plugin installed again finds them. Since API 1.4.
 */
public interface PluginRecords {

    /**
     * A collection the plugin declared.
     *
     * @throws IllegalArgumentException when it declared no collection with that name
     */
    RecordCollection collection(String name);

    /**
     * Runs the work in one transaction: every change it makes through {@code records} commits together or, when it
     * throws, not at all. Keep it short; it holds database locks while it runs.
     */
    <T> T inOneTransaction(Function<PluginRecords, T> work);
}
