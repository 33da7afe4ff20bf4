package org.quire.web.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.web.content.ContentException;

/**
 * What an administrator can do to plugins, once for the admin API and the admin page: each runtime refusal becomes
 * a {@link ContentException} (400 for a bad jar or setting, 404 for an unknown plugin, 409 for removing a built-in
 * one).
 */
@ApplicationScoped
public class PluginAdministration {

    @Inject
    PluginRuntime runtime;

    @Inject
    RouteCollisions collisions;

    @Inject
    org.quire.web.plugins.records.HostRecords hostRecords;

    @Inject
    org.quire.web.plugins.work.HostWork work;

    @Inject
    WorkFolders workFolders;

    public PluginRuntime runtime() {
        return runtime;
    }

    public PluginRuntime.PluginInfo get(String id) {
        return runtime.plugin(id).orElseThrow(() -> notFound(id));
    }

    public PluginRuntime.PluginInfo install(InputStream jar, String fileName) throws IOException {
        try {
            return runtime.install(jar, fileName);
        } catch (PluginJars.PluginJarException e) {
            throw new ContentException(ContentException.Reason.INVALID, "file", e.getMessage());
        }
    }

    /** Turns a plugin on or off; one turned on is told which of its paths posts already have (its notices). */
    public PluginRuntime.PluginInfo setEnabled(String id, boolean enabled) {
        PluginRuntime.PluginInfo info;
        try {
            info = runtime.setEnabled(id, enabled);
        } catch (NoSuchElementException e) {
            throw notFound(id);
        }
        if (enabled && !collisions.report(id).isEmpty()) {
            return runtime.plugin(id).orElse(info);
        }
        return info;
    }

    public void saveSettings(String id, Map<String, String> values) {
        List<String> problems;
        try {
            problems = runtime.saveSettings(id, values);
        } catch (NoSuchElementException e) {
            throw notFound(id);
        }
        if (!problems.isEmpty()) {
            throw new ContentException(ContentException.Reason.INVALID, "settings", String.join("; ", problems));
        }
    }

    /** What becomes of a removed plugin's records: kept for when it is installed again, or deleted. */
    public enum RecordsOnRemoval {
        KEEP, DELETE;

        public static RecordsOnRemoval parse(String text) {
            if (text == null || text.isBlank() || text.equals("keep")) {
                return KEEP;
            }
            if (text.equals("delete")) {
                return DELETE;
            }
            throw new ContentException(ContentException.Reason.INVALID, "records",
                    "records must be 'keep' or 'delete', not '" + text + "'");
        }
    }

    /** Removes an installed plugin; its records stay unless {@code records} says delete. */
    public void uninstall(String id, RecordsOnRemoval records) throws IOException {
        uninstall(id);
        work.drop(id);
        workFolders.delete(id);
        if (records == RecordsOnRemoval.DELETE) {
            long deleted = hostRecords.deleteAll(id);
            org.jboss.logging.Logger.getLogger(PluginAdministration.class)
                    .infof("Plugin %s removed with its %d records", id, deleted);
        }
    }

    public void uninstall(String id) throws IOException {
        boolean removed;
        try {
            removed = runtime.uninstall(id);
        } catch (IllegalStateException e) {
            throw new ContentException(ContentException.Reason.CONFLICT, null, e.getMessage());
        }
        if (!removed) {
            throw notFound(id);
        }
    }

    private static ContentException notFound(String id) {
        return new ContentException(ContentException.Reason.NOT_FOUND, null, "No plugin '" + id + "'");
    }
}
