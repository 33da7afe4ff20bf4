package org.quire.api.records;

/**
 * A change refused because it would pass a limit: a document larger than the host accepts, a collection holding
 * as many records as it may, a key or indexed value too long. The message names the plugin, the collection and
 * the limit. Since API 1.4.
 */
public class RecordLimitException extends RuntimeException {

    public RecordLimitException(String message) {
        super(message);
    }
}
