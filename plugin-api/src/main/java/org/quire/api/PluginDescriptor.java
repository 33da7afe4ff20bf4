package org.quire.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.quire.api.records.CollectionDefinition;

/**
 * What a plugin says about itself before it is started: the host reads it to check compatibility, to order plugins,
 * and to render the plugin's settings form.
 *
 * @param id          stable identifier: lower-case letters, digits and dashes ({@code tags}, {@code aws-cards}); it
 *                    namespaces the plugin's settings and templates
 * @param name        human-readable name
 * @param version     the plugin's own version
 * @param requiredApi the API versions the plugin works with; the host refuses the plugin when
 *                    {@link ApiVersion#CURRENT} of the host is outside it
 * @param order       smaller runs first; ties are broken by id, so the order is the same on every start
 * @param settings    the settings the plugin accepts
 * @param capabilities the host services beyond reading the site it uses (since API 1.4); declaring a collection
 *                    declares {@link Capability#RECORDS}
 * @param collections the collections of records it keeps (since API 1.4)
 * @param calls       the hosts it calls (since API 1.4): names ({@code hooks.example.org}), every name under one
 *                    ({@code *.example.org}), or {@code *} for any public host; declaring one declares
 *                    {@link Capability#OUTBOUND_HTTP}
 * @param events      where it hears of changes to posts and of other plugins' events when several instances serve
 *                    the site (since API 1.5); {@link EventDelivery#ONCE_PER_CLUSTER} when null
 * @param publishes   the types of event it publishes (since API 1.5), each its id, a dot and a name
 *                    ({@code comments.approved})
 * @param hears       the types of other plugins' events it hears (since API 1.5): a type, every type of one plugin
 *                    ({@code comments.*}), or {@code *} for all
 */
public record PluginDescriptor(String id, String name, String version, ApiVersionRange requiredApi, int order,
                               List<SettingDefinition> settings, Set<Capability> capabilities,
                               List<CollectionDefinition> collections, List<String> calls, EventDelivery events,
                               List<String> publishes, List<String> hears) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final String EVENT_NAME = "[a-z][a-z0-9-]{0,63}(\\.[a-z][a-z0-9-]{0,63}){0,3}";
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,63}\\." + EVENT_NAME);
    private static final Pattern HEARD_TYPE = Pattern.compile("\\*|[a-z][a-z0-9-]{0,63}\\.(\\*|" + EVENT_NAME + ")");
    private static final Pattern HOST_PATTERN = Pattern.compile("\\*|(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]{0,252})"
            + "|\\[[0-9A-Fa-f:.]+]");

    /** The order a plugin gets when it does not care. */
    public static final int DEFAULT_ORDER = 100;

    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Plugin id '" + id + "' must be 1-64 lower-case letters, digits and dashes, starting with a letter");
        }
        name = name == null || name.isBlank() ? id : name;
        version = version == null || version.isBlank() ? "0" : version;
        Objects.requireNonNull(requiredApi, "requiredApi of plugin " + id);
        settings = settings == null ? List.of() : List.copyOf(settings);
        long distinctKeys = settings.stream().map(SettingDefinition::key).distinct().count();
        if (distinctKeys != settings.size()) {
            throw new IllegalArgumentException("Plugin '" + id + "' declares a setting key twice");
        }
        collections = CollectionDefinition.checked(id, collections);
        EnumSet<Capability> uses = EnumSet.noneOf(Capability.class);
        if (capabilities != null) {
            uses.addAll(capabilities);
        }
        if (!collections.isEmpty()) {
            uses.add(Capability.RECORDS);
        }
        calls = calls == null ? List.of() : List.copyOf(calls);
        for (String host : calls) {
            if (host == null || !HOST_PATTERN.matcher(host).matches()) {
                throw new IllegalArgumentException("Plugin '" + id + "' declares it calls '" + host + "': a host"
                        + " is a name (hooks.example.org), *.name for every name under one, or * for any");
            }
        }
        if (!calls.isEmpty()) {
            uses.add(Capability.OUTBOUND_HTTP);
        }
        capabilities = Collections.unmodifiableSet(uses);
        events = events == null ? EventDelivery.ONCE_PER_CLUSTER : events;
        publishes = publishes == null ? List.of() : List.copyOf(publishes);
        for (String type : publishes) {
            if (type == null || !EVENT_TYPE.matcher(type).matches() || !type.startsWith(id + ".")) {
                throw new IllegalArgumentException("Plugin '" + id + "' declares it publishes '" + type + "': a type"
                        + " is the plugin's id, a dot and a name of lower-case letters, digits, dots and dashes ("
                        + id + ".approved)");
            }
        }
        hears = hears == null ? List.of() : List.copyOf(hears);
        for (String type : hears) {
            if (type == null || !HEARD_TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("Plugin '" + id + "' declares it hears '" + type + "': a type"
                        + " (comments.approved), every type of one plugin (comments.*) or *");
            }
        }
    }

    /** Whether the plugin declared that it publishes events of this type. */
    public boolean publishes(String type) {
        return publishes.contains(type);
    }

    /** Whether the plugin hears another plugin's events of this type. */
    public boolean hears(String type) {
        for (String heard : hears) {
            if (heard.equals("*") || heard.equals(type)
                    || heard.endsWith(".*") && type.startsWith(heard.substring(0, heard.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** A descriptor of API 1.4: events are delivered once per cluster. */
    public PluginDescriptor(String id, String name, String version, ApiVersionRange requiredApi, int order,
                            List<SettingDefinition> settings, Set<Capability> capabilities,
                            List<CollectionDefinition> collections, List<String> calls) {
        this(id, name, version, requiredApi, order, settings, capabilities, collections, calls, null, List.of(),
                List.of());
    }

    /** A descriptor of API 1.3 and before: no capability beyond reading the site. */
    public PluginDescriptor(String id, String name, String version, ApiVersionRange requiredApi, int order,
                            List<SettingDefinition> settings) {
        this(id, name, version, requiredApi, order, settings, Set.of(), List.of(), List.of(), null, List.of(),
                List.of());
    }

    /** Whether the plugin declared that it uses the service. */
    public boolean uses(Capability capability) {
        return capabilities.contains(capability);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a descriptor; the required API defaults to the current major version. */
    public static final class Builder {
        private final String id;
        private String name;
        private String version;
        private ApiVersionRange requiredApi = ApiVersionRange.compatibleWith(new ApiVersion(ApiVersion.CURRENT.major(), 0));
        private int order = DEFAULT_ORDER;
        private final java.util.ArrayList<SettingDefinition> settings = new java.util.ArrayList<>();
        private final EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private final java.util.ArrayList<CollectionDefinition> collections = new java.util.ArrayList<>();
        private final java.util.ArrayList<String> calls = new java.util.ArrayList<>();
        private EventDelivery events = EventDelivery.ONCE_PER_CLUSTER;
        private final java.util.ArrayList<String> publishes = new java.util.ArrayList<>();
        private final java.util.ArrayList<String> hears = new java.util.ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder requiredApi(String range) {
            this.requiredApi = ApiVersionRange.parse(range);
            return this;
        }

        public Builder order(int order) {
            this.order = order;
            return this;
        }

        public Builder setting(SettingDefinition setting) {
            this.settings.add(setting);
            return this;
        }

        /** Declares host services the plugin uses. Since API 1.4. */
        public Builder uses(Capability... used) {
            this.capabilities.addAll(List.of(used));
            return this;
        }

        /** Declares a collection of records the plugin keeps (and so {@link Capability#RECORDS}). Since API 1.4. */
        public Builder collection(CollectionDefinition collection) {
            this.collections.add(collection);
            return this;
        }

        /** Declares hosts the plugin calls (and so {@link Capability#OUTBOUND_HTTP}). Since API 1.4. */
        public Builder calls(String... hosts) {
            this.calls.addAll(List.of(hosts));
            return this;
        }

        /** Where the plugin hears of changes to posts (see {@link EventDelivery}). Since API 1.5. */
        public Builder events(EventDelivery delivery) {
            this.events = java.util.Objects.requireNonNull(delivery, "events");
            return this;
        }

        /** Declares the types of event it publishes ({@code comments.approved}). Since API 1.5. */
        public Builder publishes(String... types) {
            this.publishes.addAll(List.of(types));
            return this;
        }

        /** Declares the types of other plugins' events it hears ({@code comments.*}, or {@code *}). Since API 1.5. */
        public Builder hears(String... types) {
            this.hears.addAll(List.of(types));
            return this;
        }

        public PluginDescriptor build() {
            return new PluginDescriptor(id, name, version, requiredApi, order, settings, capabilities, collections,
                    calls, events, publishes, hears);
        }
    }
}
