package org.quire.api;

/**
 * The host as one plugin sees it: a narrow set of services and nothing else. Every service here is safe to use
 * from any thread and stays valid until {@link QuirePlugin#close()}.
 */
public interface PluginContext {

    /** The API version of the host, at least the lower bound the plugin asked for. */
    ApiVersion apiVersion();

    /** The published site, read-only. */
    SiteView site();

    /** This plugin's settings, with defaults for those never set. */
    PluginSettings settings();

    /** Where uploaded and generated files live. */
    MediaStorage media();

    /** Renders the plugin's templates with the host's template engine. */
    TemplateRenderer templates();

    /** Tells the host that pages it cached are out of date. */
    CacheInvalidator cache();

    /** A logger whose messages carry the plugin's id. */
    PluginLogger logger();

    /**
     * The plugin's own records, in the collections its descriptor declares. Since API 1.4.
     *
     * @throws IllegalStateException when the descriptor declares no collection ({@link Capability#RECORDS})
     * @throws UnsupportedOperationException from a host older than API 1.4
     */
    default org.quire.api.records.PluginRecords records() {
        throw new UnsupportedOperationException("This host offers no plugin records (API " + apiVersion()
                + "; records came with API 1.4)");
    }

    /**
     * A folder of the plugin's own on this instance, for indexes and caches it can build again: kept across
     * restarts, not backed up, not shared with other instances, deleted when the plugin is removed. Since API 1.4.
     *
     * @throws UnsupportedOperationException from a host older than API 1.4
     */
    default java.nio.file.Path workFolder() {
        throw new UnsupportedOperationException("This host gives plugins no working folder (API " + apiVersion()
                + "; working folders came with API 1.4)");
    }

    /**
     * Calls to the hosts the descriptor declares ({@link PluginDescriptor.Builder#calls(String...)}). Since API 1.4.
     *
     * @throws IllegalStateException when the descriptor declares no host ({@link Capability#OUTBOUND_HTTP})
     * @throws UnsupportedOperationException from a host older than API 1.4
     */
    default org.quire.api.http.OutboundHttp http() {
        throw new UnsupportedOperationException("This host makes no calls for plugins (API " + apiVersion()
                + "; outbound calls came with API 1.4)");
    }

    /**
     * The plugin's background work. Since API 1.4.
     *
     * @throws IllegalStateException when the descriptor does not declare {@link Capability#WORK}
     * @throws UnsupportedOperationException from a host older than API 1.4
     */
    default org.quire.api.work.PluginWork work() {
        throw new UnsupportedOperationException("This host runs no plugin work (API " + apiVersion()
                + "; work came with API 1.4)");
    }

    /**
     * Mail through the site's SMTP server. Since API 1.5.
     *
     * @throws IllegalStateException when the descriptor does not declare {@link Capability#MAIL}
     * @throws UnsupportedOperationException from a host older than API 1.5
     */
    default org.quire.api.mail.PluginMail mail() {
        throw new UnsupportedOperationException("This host sends no mail for plugins (API " + apiVersion()
                + "; mail came with API 1.5)");
    }

    /**
     * Publishes events of the types the descriptor declares, for other plugins to hear. Since API 1.5.
     *
     * @throws IllegalStateException when the descriptor declares no type it publishes
     * @throws UnsupportedOperationException from a host older than API 1.5
     */
    default org.quire.api.events.EventPublisher events() {
        throw new UnsupportedOperationException("This host delivers no plugin events (API " + apiVersion()
                + "; they came with API 1.5)");
    }
}
