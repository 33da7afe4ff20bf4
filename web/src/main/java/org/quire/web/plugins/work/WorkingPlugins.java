package org.quire.web.plugins.work;

import java.util.List;

import org.quire.core.plugin.ActivePlugin;

/** The plugins running on this instance now, whose work may run; the plugin runtime provides it. */
public interface WorkingPlugins {

    List<ActivePlugin> running();
}
