package org.quire.web.plugins.records;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.quire.api.records.RecordLimitException;

/** Plugin documents to and from the JSON stored: JSON values only, up to a size. */
final class Documents {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final int maxBytes;

    Documents(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /**
     * @param where names the plugin, collection and record in messages
     * @throws IllegalArgumentException naming the field that holds something other than a JSON value
     * @throws RecordLimitException     when the JSON is larger than the host keeps
     */
    String write(String where, Map<String, ?> document) {
        if (document == null) {
            throw new IllegalArgumentException(where + ": the document is null; store an empty map instead");
        }
        check(where, "", document);
        String text;
        try {
            text = json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": the document cannot be written as JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new RecordLimitException(where + ": the document is " + bytes + " bytes of JSON; a record holds at"
                    + " most " + maxBytes + " (quire.plugins.records.max-document-bytes)");
        }
        return text;
    }

    Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (IOException e) {
            throw new IllegalStateException("A stored plugin document is not JSON: " + e.getMessage(), e);
        }
    }

    private static void check(String where, String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            if (value instanceof BigDecimal || Double.isFinite(((Number) value).doubleValue())) {
                return;
            }
            throw new IllegalArgumentException(where + ": field '" + path + "' holds " + value
                    + ", which JSON cannot hold");
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException(where + ": " + (path.isEmpty() ? "the document" : "field '"
                            + path + "'") + " has a key that is not text (" + entry.getKey() + ")");
                }
                check(where, path.isEmpty() ? name : path + "." + name, entry.getValue());
            }
            return;
        }
        if (value instanceof Collection<?> list) {
            int index = 0;
            for (Object item : list) {
                check(where, path + "[" + index++ + "]", item);
            }
            return;
        }
        throw new IllegalArgumentException(where + ": field '" + path + "' holds a " + value.getClass().getName()
                + "; a document holds JSON values only (text, numbers, booleans, null, lists and maps; a time as"
                + " ISO-8601 text)");
    }
}
