package org.quire.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quire.api.ApiVersion;
import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.SiteEvent;
import org.quire.core.ContentEngine;
import org.quire.core.Diagnostic;
import org.quire.core.Diagnostic.Kind;
import org.quire.core.RenderOptions;
import org.quire.core.RenderedDocument;
import org.quire.core.SharedFiles;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostSource;
import org.quire.core.testkit.TestHost;

/**
 * The SPI has real users: sample plugins of every contribution kind are discovered through ServiceLoader, started
 * with a host context, and applied; a failing plugin is contained; an incompatible one is refused.
 */
class PluginRegistryTest {

    private final TestHost host = new TestHost()
            .publish(TestHost.post("aws-reinvent", "Review of AWS re:invent", "/2017/12/29/aws-reinvent/", "AWS", "云计算"))
            .publish(TestHost.post("nova", "Nova", "/2018/01/02/nova/", "nova", "Linux initramfs"));
    private final List<PluginProblem> reported = Collections.synchronizedList(new java.util.ArrayList<>());
    private PluginRegistry registry;

    @BeforeEach
    void discoverSamples() {
        registry = PluginRegistry.builder().discover(new SamplesOnly()).contexts(host).onProblem(reported::add).build();
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void startsCompatiblePluginsInOrderAndRefusesTheRest() {
        assertThat(registry.active()).extracting(ActivePlugin::id).containsExactly(
                "sample-emoji", "sample-throwing", "sample-media-paths", "sample-template", "sample-years",
                "sample-events");
        assertThat(registry.refused()).extracting(PluginProblem::plugin)
                .containsExactlyInAnyOrder("org.quire.core.plugin.samples.MissingPlugin", "sample-future");
    }

    @Test
    void aPluginWhoseDescriptorOrStartThrowsAnErrorIsRefusedAndTheOthersStart() {
        org.quire.api.QuirePlugin badDescriptor = new org.quire.api.QuirePlugin() {
            @Override
            public org.quire.api.PluginDescriptor descriptor() {
                throw new AssertionError("no descriptor");
            }
        };
        org.quire.api.QuirePlugin badStart = new org.quire.api.QuirePlugin() {
            @Override
            public org.quire.api.PluginDescriptor descriptor() {
                return org.quire.api.PluginDescriptor.builder("bad-start").name("Bad start").version("1.0")
                        .requiredApi("[1.0,2.0)").build();
            }

            @Override
            public void start(org.quire.api.PluginContext context) {
                throw new StackOverflowError("deep");
            }
        };
        try (PluginRegistry mixed = PluginRegistry.builder().add(badDescriptor).add(badStart)
                .discover(new SamplesOnly()).contexts(host).onProblem(reported::add).build()) {
            assertThat(mixed.active()).extracting(ActivePlugin::id).contains("sample-emoji", "sample-events")
                    .doesNotContain("bad-start");
            assertThat(mixed.refused()).extracting(PluginProblem::message)
                    .anySatisfy(m -> assertThat(m).contains("descriptor cannot be read").contains("no descriptor"))
                    .anySatisfy(m -> assertThat(m).contains("failed to start").contains("deep"));
        }
    }

    @Test
    void refusesAPluginForAnotherApiNamingBothVersions() {
        PluginProblem future = registry.refused().stream().filter(p -> p.plugin().equals("sample-future"))
                .findFirst().orElseThrow();
        assertThat(future.stage()).isEqualTo("load");
        assertThat(future.message()).isEqualTo("plugin 'sample-future' 9.0 requires plugin API [2.0,3.0), but this"
                + " Quire provides plugin API " + ApiVersion.CURRENT + "; install a version of the plugin built for API "
                + ApiVersion.CURRENT.major() + ".x");
        assertThat(reported).contains(future);
    }

    @Test
    void markdownExtensionsAndTransformsApplyAndAThrowingPluginIsContained() {
        ContentEngine engine = ContentEngine.create(SiteSettings.defaults(), registry);
        RenderedDocument rendered = engine.render(new PostSource("_posts/2017-12-29-launch.md", """
                ---
                title: Launch
                ---
                We launched :rocket: today, see `:rocket:` in code.

                ![diagram](/images/diagram.png)

                ## Details
                """), RenderOptions.trusted());
        Document html = Jsoup.parseBodyFragment(rendered.html());

        assertThat(html.select("p").first().text()).isEqualTo("We launched 🚀 today, see :rocket: in code.");
        assertThat(html.select("img").attr("src")).isEqualTo("/media/images/diagram.png");
        assertThat(html.select("img").attr("loading")).isEqualTo("lazy");
        assertThat(html.select("h2#details")).hasSize(1);

        assertThat(rendered.diagnostics()).extracting(Diagnostic::kind)
                .containsExactly(Kind.PLUGIN_FAILED, Kind.PLUGIN_FAILED);
        assertThat(rendered.diagnostics()).allSatisfy(d -> {
            assertThat(d.source()).isEqualTo("_posts/2017-12-29-launch.md");
            assertThat(d.message()).contains("plugin 'sample-throwing'");
        });
        assertThat(rendered.diagnostics().get(0).message()).contains("extension broke");
        assertThat(rendered.diagnostics().get(1).message()).contains("transform broke");
        assertThat(reported).filteredOn(p -> p.stage().equals("render")).hasSize(2)
                .allSatisfy(p -> assertThat(p.error()).isInstanceOf(IllegalStateException.class));
    }

    @Test
    void settingsReachTransforms() {
        host.set("sample-media-paths", "prefix", "https://cdn.example.org");
        ContentEngine engine = ContentEngine.create(SiteSettings.defaults(), registry);
        RenderedDocument rendered = engine.render(new PostSource("x.md", "![a](/images/a.png)"), RenderOptions.trusted());
        assertThat(rendered.html()).contains("src=\"https://cdn.example.org/images/a.png\"");
    }

    @Test
    void theSeedPostRendersWithEveryPlugin() {
        ContentEngine engine = ContentEngine.create(SiteSettings.defaults(), registry);
        RenderedDocument rendered = engine.render(
                PostSource.read(SharedFiles.root().resolve("seed"), SharedFiles.seedPost()), RenderOptions.trusted());
        Document html = Jsoup.parseBodyFragment(rendered.html());
        assertThat(html.select("h2")).hasSize(7);
        assertThat(html.select("img[loading=lazy]")).hasSize(6)
                .allSatisfy(img -> assertThat(img.attr("src")).startsWith("/media/images/"));
    }

    @Test
    void routesListEveryPathTheyServe() {
        PageRoute years = route("sample-years");
        assertThat(years.pattern()).isEqualTo("/archive/{year}/");
        assertThat(years.paths()).containsExactly("/archive/2017/", "/archive/2018/");
        for (String path : years.paths()) {
            assertThat(years.render(path)).isPresent();
        }
        assertThat(new String(years.render("/archive/2017/").orElseThrow().body())).isEqualTo("Review of AWS re:invent");
        assertThat(years.render("/archive/1999/")).isEmpty();
    }

    @Test
    void templatesShippedByAPluginAreReadAndRenderedByTheHost() throws IOException {
        ActivePlugin cards = registry.active().stream().filter(p -> p.id().equals("sample-template")).findFirst()
                .orElseThrow();
        assertThat(cards.templateSource("card.html")).hasValueSatisfying(
                source -> assertThat(source).contains("{name}"));
        assertThat(cards.templateSource("missing.html")).isEmpty();

        PageRoute route = route("sample-template");
        assertThat(route.paths()).containsExactlyInAnyOrder("/cards/aws/", "/cards/%E4%BA%91%E8%AE%A1%E7%AE%97/",
                "/cards/nova/", "/cards/linux%20initramfs/");
        Page page = route.render("/cards/%E4%BA%91%E8%AE%A1%E7%AE%97/").orElseThrow();
        assertThat(page.contentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("<article class=\"tag-card\"><h2>云计算</h2><p>1 posts</p></article>\n");
        assertThat(route.render("/cards/Linux%20Initramfs/")).isPresent();
    }

    @Test
    void eventsReachEveryListenerEvenWhenOneThrows() {
        List<PluginProblem> failures = registry.dispatch(
                new SiteEvent.PostPublished(host.site().publishedPosts().get(0)));
        assertThat(failures).singleElement().satisfies(problem -> {
            assertThat(problem.plugin()).isEqualTo("sample-throwing");
            assertThat(problem.stage()).isEqualTo("event");
            assertThat(problem.message()).contains("PostPublished").contains("listener broke");
        });
        assertThat(host.log()).containsExactly("INFO sample-events: published /2018/01/02/nova/");
        assertThat(host.invalidated()).containsExactly("/2018/01/02/nova/", "/archive/*");
    }

    private PageRoute route(String pluginId) {
        return registry.active().stream().filter(p -> p.id().equals(pluginId)).findFirst().orElseThrow()
                .routes().get(0);
    }

    /**
     * Serves the sample plugins' service file in place of any other, so only the samples are discovered and they
     * stay out of the way of other tests (and of plugin modules that use this test kit).
     */
    private static final class SamplesOnly extends ClassLoader {
        private static final String SERVICES = "META-INF/services/org.quire.api.QuirePlugin";

        SamplesOnly() {
            super(PluginRegistryTest.class.getClassLoader());
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return SERVICES.equals(name) ? getParent().getResources("samples/" + SERVICES) : super.getResources(name);
        }

        @Override
        public URL getResource(String name) {
            return SERVICES.equals(name) ? getParent().getResource("samples/" + SERVICES) : super.getResource(name);
        }
    }

}
