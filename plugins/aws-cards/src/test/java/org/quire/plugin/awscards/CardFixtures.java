package org.quire.plugin.awscards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.quire.core.ContentEngine;
import org.quire.core.RenderOptions;
import org.quire.core.RenderedDocument;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostSource;
import org.quire.core.testkit.TestHost;

/** An engine with the plugin started in a test host, and the shared seed post. */
final class CardFixtures {

    static final String SEED_NAME = "2017-12-29-aws-reinvent.md";

    final TestHost host = new TestHost();
    final AwsCardsPlugin plugin = new AwsCardsPlugin();
    final PluginRegistry registry;
    final ContentEngine engine;

    CardFixtures() {
        this(new String[0]);
    }

    /** @param settings pairs of setting key and value */
    CardFixtures(String... settings) {
        for (int i = 0; i < settings.length; i += 2) {
            host.set(AwsCardsPlugin.ID, settings[i], settings[i + 1]);
        }
        registry = PluginRegistry.builder().add(plugin).contexts(host).build();
        engine = ContentEngine.create(SiteSettings.defaults(), registry);
    }

    RenderedDocument render(String name, String text) {
        return engine.render(new PostSource(name, text), RenderOptions.untrusted());
    }

    static Path shared() {
        return Path.of(System.getProperty("quire.shared.dir"));
    }

    static String seedPost() {
        return read(shared().resolve("seed").resolve(SEED_NAME));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
