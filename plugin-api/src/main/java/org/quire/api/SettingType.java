package org.quire.api;

/** The kinds of value a plugin setting holds; the admin UI renders a matching form field for each. */
public enum SettingType {
    STRING,
    TEXT,
    INTEGER,
    BOOLEAN,
    /** One of {@link SettingDefinition#choices()}. */
    CHOICE
}
