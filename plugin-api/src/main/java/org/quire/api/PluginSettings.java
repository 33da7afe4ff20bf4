package org.quire.api;

import java.util.Map;

/**
 * A read-only snapshot of one plugin's settings. Every key the plugin declared has a value (its default until an
 * administrator sets another); values were checked against the {@link SettingDefinition} when they were saved.
 */
public interface PluginSettings {

    /**
     * @throws IllegalArgumentException when the plugin did not declare {@code key}
     */
    String get(String key);

    default int getInt(String key) {
        return Integer.parseInt(get(key).trim());
    }

    default boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key).trim());
    }

    /** Every declared key and its current value. */
    Map<String, String> asMap();
}
