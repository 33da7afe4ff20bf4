package org.quire.api.records;

/** What an indexed field of a record's document holds, and how the host compares it. Since API 1.4. */
public enum FieldType {
    /** Text, compared exactly (case and accents count); at most {@link IndexedField#LONGEST_STRING} characters. */
    STRING,
    /** A JSON number, compared as a double. */
    NUMBER,
    /** An instant, written in the document as ISO-8601 text such as {@code 2026-12-07T10:15:30Z}. */
    TIME
}
