package org.quire.api;

import java.time.Instant;

/** A stored file. {@code path} is relative to the store, {@code size} in bytes. */
public record MediaItem(String path, String contentType, long size, Instant modified) {
}
