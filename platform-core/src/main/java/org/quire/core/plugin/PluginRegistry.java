package org.quire.core.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import org.quire.api.ApiVersion;
import org.quire.api.MediaFilter;
import org.quire.api.MediaRefusedException;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.SiteEvent;

/**
 * Finds plugins, checks the API version each needs, orders them, starts them one at a time, and contains their
 * failures: a plugin that cannot be loaded, asks for another API version, repeats an id or throws in
 * {@code start} is refused with a {@link PluginProblem} that says why, and every other plugin still runs.
 *
 * <p>Once built, the registry's list of active plugins does not change; the web application builds a new registry
 * (and a new engine) when plugins are installed, enabled or removed. Thread-safe.
 */
public final class PluginRegistry implements AutoCloseable {

    private final List<ActivePlugin> active;
    private final List<PluginProblem> refused;
    private final List<PluginDescriptor> disabled;
    private final Consumer<PluginProblem> problemSink;

    private PluginRegistry(List<ActivePlugin> active, List<PluginProblem> refused, List<PluginDescriptor> disabled,
                           Consumer<PluginProblem> problemSink) {
        this.active = List.copyOf(active);
        this.refused = List.copyOf(refused);
        this.disabled = List.copyOf(disabled);
        this.problemSink = problemSink;
    }

    /** A registry with no plugins. */
    public static PluginRegistry empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Started plugins in order: by {@link PluginDescriptor#order()}, then by id. */
    public List<ActivePlugin> active() {
        return active;
    }

    /** Plugins that were found but not started, and why. */
    public List<PluginProblem> refused() {
        return refused;
    }

    /** Plugins that were found and could run, but that the host's {@code enabledWhen} left off. */
    public List<PluginDescriptor> disabled() {
        return disabled;
    }

    /** Reports a plugin's failure to whoever the host asked to hear about them. */
    public void report(PluginProblem problem) {
        problemSink.accept(problem);
    }

    /**
     * Delivers an event to every active plugin in order. A plugin that throws is reported and the others still
     * receive the event.
     *
     * @return the failures, empty when every plugin took the event
     */
    public List<PluginProblem> dispatch(SiteEvent event) {
        return dispatch(event, plugin -> true);
    }

    /** Delivers an event, as {@link #dispatch(SiteEvent)} does, to the active plugins this chooses. */
    public List<PluginProblem> dispatch(SiteEvent event, java.util.function.Predicate<ActivePlugin> to) {
        List<PluginProblem> failures = new ArrayList<>();
        for (ActivePlugin plugin : active) {
            if (!to.test(plugin)) {
                continue;
            }
            try {
                plugin.plugin().onEvent(event);
            } catch (RuntimeException | LinkageError e) {
                PluginProblem problem = new PluginProblem(plugin.id(), "event",
                        event.getClass().getSimpleName() + " failed: " + e, e);
                failures.add(problem);
                problemSink.accept(problem);
            }
        }
        return failures;
    }

    /**
     * Runs a file about to be stored through every active plugin's {@link MediaFilter}s, in order. A refusal stops
     * there and is the caller's to report; a filter that fails otherwise is reported and skipped, as any plugin
     * failure is.
     *
     * @return the bytes to store
     */
    public byte[] filterMedia(String path, String contentType, byte[] content) throws MediaRefusedException {
        byte[] current = content;
        for (ActivePlugin plugin : active) {
            for (MediaFilter filter : plugin.mediaFilters()) {
                try {
                    byte[] filtered = filter.filter(path, contentType, current);
                    if (filtered != null) {
                        current = filtered;
                    }
                } catch (RuntimeException | LinkageError e) {
                    problemSink.accept(new PluginProblem(plugin.id(), "media filter",
                            path + ": " + e, e));
                }
            }
        }
        return current;
    }

    /**
     * Which active plugin a stack trace points into, if any: the innermost frame in one of a plugin's own classes,
     * or else in a package that only one plugin lives in.
     */
    public java.util.Optional<ActivePlugin> culpritOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                for (ActivePlugin plugin : active) {
                    if (plugin.ownsClass(frame.getClassName())) {
                        return java.util.Optional.of(plugin);
                    }
                }
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                List<ActivePlugin> inPackage = active.stream()
                        .filter(p -> frame.getClassName().startsWith(p.packageName() + ".")).toList();
                if (inPackage.size() == 1) {
                    return java.util.Optional.of(inPackage.get(0));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Closes every plugin, last started first; a plugin that throws while closing is reported. */
    @Override
    public void close() {
        for (int i = active.size() - 1; i >= 0; i--) {
            ActivePlugin plugin = active.get(i);
            try {
                plugin.plugin().close();
            } catch (RuntimeException | LinkageError e) {
                problemSink.accept(new PluginProblem(plugin.id(), "close", "close failed: " + e, e));
            }
        }
    }

    /** Collects plugins and the host's context factory, then checks and starts them in {@link #build()}. */
    public static final class Builder {
        private final List<QuirePlugin> candidates = new ArrayList<>();
        private final List<PluginProblem> loadProblems = new ArrayList<>();
        private PluginContextFactory contexts = (descriptor, loader) -> null;
        private ApiVersion hostApi = ApiVersion.CURRENT;
        private Consumer<PluginProblem> problemSink = problem -> { };
        private java.util.function.Predicate<PluginDescriptor> enabled = descriptor -> true;

        private Builder() {
        }

        /**
         * Which compatible plugins to start; the others are listed in {@link PluginRegistry#disabled()}, not
         * started. All are started unless the host says otherwise.
         */
        public Builder enabledWhen(java.util.function.Predicate<PluginDescriptor> enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * Adds every plugin {@link ServiceLoader} finds through {@code loader}. A listed class that is missing or
         * cannot be created is refused with the loader's message, and discovery goes on with the next one.
         */
        public Builder discover(ClassLoader loader) {
            Iterator<QuirePlugin> plugins = ServiceLoader.load(QuirePlugin.class, loader).iterator();
            // ServiceLoader promises to go on after a failed provider; the cap guards against one that never moves on.
            for (int attempts = 0; attempts < 10_000; attempts++) {
                try {
                    if (!plugins.hasNext()) {
                        break;
                    }
                    candidates.add(plugins.next());
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    loadProblems.add(new PluginProblem(providerName(e), "load",
                            "cannot be loaded: " + e.getMessage(), e));
                }
            }
            return this;
        }

        /** The provider class a ServiceLoader error names ("... Provider com.x.Y not found"), or "unknown". */
        private static String providerName(Throwable error) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Provider (\\S+)")
                    .matcher(String.valueOf(error.getMessage()));
            return m.find() ? m.group(1) : "unknown";
        }

        public Builder add(QuirePlugin plugin) {
            candidates.add(plugin);
            return this;
        }

        public Builder contexts(PluginContextFactory contexts) {
            this.contexts = contexts;
            return this;
        }

        /** The API version the host provides; {@link ApiVersion#CURRENT} unless a test pretends otherwise. */
        public Builder hostApi(ApiVersion hostApi) {
            this.hostApi = hostApi;
            return this;
        }

        /** Where failures of running plugins are reported (the host's log, the admin UI). */
        public Builder onProblem(Consumer<PluginProblem> problemSink) {
            this.problemSink = problemSink;
            return this;
        }

        public PluginRegistry build() {
            List<PluginProblem> refused = new ArrayList<>(loadProblems);
            record Candidate(QuirePlugin plugin, PluginDescriptor descriptor) {
            }
            List<Candidate> compatible = new ArrayList<>();
            for (QuirePlugin plugin : candidates) {
                PluginDescriptor descriptor;
                try {
                    descriptor = plugin.descriptor();
                } catch (RuntimeException | Error e) {
                    refused.add(new PluginProblem(plugin.getClass().getName(), "load",
                            "its descriptor cannot be read: " + e, e));
                    continue;
                }
                if (!descriptor.requiredApi().includes(hostApi)) {
                    refused.add(new PluginProblem(descriptor.id(), "load", "plugin '" + descriptor.id() + "' "
                            + descriptor.version() + " requires plugin API " + descriptor.requiredApi()
                            + ", but this Quire provides plugin API " + hostApi
                            + "; install a version of the plugin built for API " + hostApi.major() + ".x", null));
                    continue;
                }
                compatible.add(new Candidate(plugin, descriptor));
            }
            compatible.sort(Comparator.comparingInt((Candidate c) -> c.descriptor().order())
                    .thenComparing(c -> c.descriptor().id()));

            Map<String, String> classById = new HashMap<>();
            List<ActivePlugin> active = new ArrayList<>();
            List<PluginDescriptor> disabled = new ArrayList<>();
            for (Candidate candidate : compatible) {
                String id = candidate.descriptor().id();
                String className = candidate.plugin().getClass().getName();
                if (classById.containsKey(id)) {
                    refused.add(new PluginProblem(id, "load", "plugin id '" + id + "' of " + className
                            + " is already taken by " + classById.get(id) + "; only the first is started", null));
                    continue;
                }
                if (!enabled.test(candidate.descriptor())) {
                    disabled.add(candidate.descriptor());
                    classById.put(id, className);
                    continue;
                }
                try {
                    PluginContext context = contexts.contextFor(candidate.descriptor(),
                            candidate.plugin().getClass().getClassLoader());
                    candidate.plugin().start(context);
                    active.add(new ActivePlugin(candidate.plugin(), candidate.descriptor(), context));
                    classById.put(id, className);
                } catch (RuntimeException | Error e) {
                    // Errors too (an assertion, a stack overflow): one plugin's start must not stop the others'.
                    refused.add(new PluginProblem(id, "start", "failed to start: " + e, e));
                    try {
                        candidate.plugin().close();
                    } catch (RuntimeException | LinkageError ignored) {
                        // the start failure is the one worth reporting
                    }
                }
            }
            refused.forEach(problemSink);
            return new PluginRegistry(active, refused, disabled, problemSink);
        }
    }
}
