package org.quire.core.plugin;

/**
 * Why a plugin was refused or what it did wrong.
 *
 * @param plugin the plugin id, or its class name when it could not say its id
 * @param stage  what the host was doing: {@code load}, {@code start}, {@code render}, {@code event}, {@code route}
 * @param error  the exception, or null when the host refused the plugin without one
 */
public record PluginProblem(String plugin, String stage, String message, Throwable error) {

    @Override
    public String toString() {
        return "plugin " + plugin + " [" + stage + "]: " + message;
    }
}
