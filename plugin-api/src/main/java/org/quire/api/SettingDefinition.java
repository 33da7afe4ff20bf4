package org.quire.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting a plugin accepts. Settings are stored by the host under the plugin's id, so two plugins may both
 * have a {@code posts-per-page} without clashing.
 *
 * @param key          lower-case letters, digits and dashes, unique within the plugin
 * @param type         what kind of value it holds
 * @param defaultValue the value used until an administrator sets one, written as text ({@code "10"}, {@code "true"})
 * @param description  one sentence for the settings form
 * @param choices      the accepted values of a {@link SettingType#CHOICE} setting; empty otherwise
 */
public record SettingDefinition(String key, SettingType type, String defaultValue, String description, List<String> choices) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

    public SettingDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue of setting " + key);
        description = description == null ? "" : description;
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Setting key '" + key + "' must be lower-case letters, digits and dashes, starting with a letter");
        }
        if (type == SettingType.CHOICE && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException("Setting '" + key + "': default '" + defaultValue + "' is not one of " + choices);
        }
        String problem = problemWith(type, choices, defaultValue);
        if (problem != null) {
            throw new IllegalArgumentException("Setting '" + key + "': default " + problem);
        }
    }

    public static SettingDefinition of(String key, SettingType type, String defaultValue, String description) {
        return new SettingDefinition(key, type, defaultValue, description, List.of());
    }

    public static SettingDefinition choice(String key, String defaultValue, String description, List<String> choices) {
        return new SettingDefinition(key, SettingType.CHOICE, defaultValue, description, choices);
    }

    /**
     * Checks a value an administrator entered for this setting.
     *
     * @return null when the value is acceptable, otherwise a message naming the setting and what it accepts
     */
    public String validate(String value) {
        String problem = problemWith(type, choices, value);
        return problem == null ? null : "Setting '" + key + "': " + problem;
    }

    private static String problemWith(SettingType type, List<String> choices, String value) {
        if (value == null) {
            return "a value is required";
        }
        switch (type) {
            case INTEGER:
                try {
                    Long.parseLong(value.trim());
                    return null;
                } catch (NumberFormatException e) {
                    return "'" + value + "' is not a whole number";
                }
            case BOOLEAN:
                return value.equals("true") || value.equals("false") ? null : "'" + value + "' is not true or false";
            case CHOICE:
                return choices.contains(value) ? null : "'" + value + "' is not one of " + choices;
            default:
                return null;
        }
    }
}
