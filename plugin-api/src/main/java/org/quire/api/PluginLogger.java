package org.quire.api;

/** Where a plugin reports what it does; the host adds the plugin's id to every message. */
public interface PluginLogger {

    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message, Throwable cause);
}
