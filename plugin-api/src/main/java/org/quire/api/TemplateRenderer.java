package org.quire.api;

import java.util.Map;

/**
 * Renders a plugin's templates with the host's engine (Qute), so a plugin needs no template engine of its own and a
 * site theme can override a plugin's template by shipping one under the same name.
 */
public interface TemplateRenderer {

    /** Where a plugin's templates live in its jar: {@code quire-templates/<plugin id>/<name>}. */
    String TEMPLATE_ROOT = "quire-templates/";

    /**
     * Renders one of the calling plugin's templates.
     *
     * @param name a name the plugin listed in {@link QuirePlugin#templates()}
     * @param data the values the template may use, by name
     * @throws IllegalArgumentException when the plugin has no template of that name
     */
    String render(String name, Map<String, Object> data);
}
