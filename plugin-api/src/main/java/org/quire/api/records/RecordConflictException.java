package org.quire.api.records;

import java.util.OptionalLong;

/**
 * A change refused because the record is not as the plugin expected: the key is taken (an insert), or the record
 * changed or went since the plugin read it (a replace or delete with a version). Read it again and decide. Since API
 * 1.4.
 */
public class RecordConflictException extends RuntimeException {

    private final transient OptionalLong currentVersion;

    public RecordConflictException(String message, OptionalLong currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    /** The record's version now; empty when there is no record with the key. */
    public OptionalLong currentVersion() {
        return currentVersion;
    }
}
