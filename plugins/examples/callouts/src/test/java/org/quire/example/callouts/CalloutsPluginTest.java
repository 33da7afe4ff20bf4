package org.quire.example.callouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.core.ContentEngine;
import org.quire.core.RenderOptions;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostSource;
import org.quire.core.testkit.TestHost;

/**
 * The plugin through the engine and the test kit, without Quarkus: how a plugin author tests a Markdown extension,
 * a setting and a route (docs/plugins.md walks through it).
 */
class CalloutsPluginTest {

    private final TestHost host = new TestHost();
    private final PluginRegistry registry = PluginRegistry.builder().add(new CalloutsPlugin()).contexts(host).build();
    private final ContentEngine engine = ContentEngine.create(SiteSettings.defaults(), registry);

    @AfterEach
    void close() {
        registry.close();
    }

    private Document render(String markdown) {
        String html = engine.render(new PostSource("2026-11-26-callouts.md", "---\ntitle: Callouts\n---\n" + markdown),
                RenderOptions.untrusted()).html();
        return Jsoup.parseBodyFragment(html);
    }

    private String legend() {
        PageRoute route = registry.active().get(0).routes().get(0);
        Page page = route.render("/callouts/").orElseThrow();
        return new String(page.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aMarkedQuotationBecomesALabelledBoxAndOthersStayQuotations() {
        Document page = render("> [!TIP]\n> Use **two** cores.\n\n> Just a quotation.\n\n> [!warning] Mind the gap.\n");

        assertThat(registry.refused()).isEmpty();
        assertThat(page.select("div.callout.callout-tip > p.callout-title").text()).isEqualTo("Tip");
        assertThat(page.select("div.callout-tip strong").text()).isEqualTo("two");
        assertThat(page.select("div.callout-tip").text()).doesNotContain("[!TIP]");
        assertThat(page.select("blockquote").text()).isEqualTo("Just a quotation.");
        assertThat(page.select("div.callout-warning").text()).isEqualTo("Warning Mind the gap.");
    }

    @Test
    void labelsFollowTheSettingsInPostsAndOnTheLegendPage() {
        assertThat(legend()).contains("Tip").contains("&gt; [!TIP]");

        host.set(CalloutsPlugin.ID, "label-tip", "Astuce <b>");

        assertThat(render("> [!TIP]\n> Deux cœurs.\n").select("p.callout-title").text()).isEqualTo("Astuce <b>");
        assertThat(legend()).as("escaped as HTML").contains("Astuce &lt;b&gt;");
    }

    @Test
    void anEmptyLabelIsRefusedNamingTheSetting() {
        assertThat(new CalloutsPlugin().checkSetting("label-note", " "))
                .containsExactly("Setting 'label-note': give a label of 1 to 40 characters");
    }
}
