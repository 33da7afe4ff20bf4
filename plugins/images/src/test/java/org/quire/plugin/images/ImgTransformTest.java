package org.quire.plugin.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quire.api.MediaItem;
import org.quire.api.MediaStorage;
import org.quire.api.PluginSettings;
import org.quire.api.SiteEvent;
import org.quire.api.SiteInfo;
import org.quire.api.TransformContext;
import org.quire.core.ContentEngine;
import org.quire.core.Diagnostic;
import org.quire.core.RenderOptions;
import org.quire.core.RenderedDocument;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostSource;
import org.quire.core.testkit.TestHost;

/** The img transform, through the engine with the plugin started in a test host, and on HTML directly. */
class ImgTransformTest {

    private final TestHost host = new TestHost();
    private final ImagesPlugin plugin = new ImagesPlugin();
    private final PluginRegistry registry = PluginRegistry.builder().add(plugin).contexts(host).build();
    private final ContentEngine engine = ContentEngine.create(SiteSettings.defaults(), registry);
    private final MediaStorage media = host.contextFor(plugin.descriptor(), getClass().getClassLoader()).media();

    @AfterEach
    void close() {
        registry.close();
    }

    /** Stores a file as an upload would, and delivers the event the host sends. */
    private void upload(String path, byte[] bytes, String type) throws Exception {
        MediaItem item = media.store(path, new ByteArrayInputStream(bytes), type);
        plugin.onEvent(new SiteEvent.MediaStored(item));
    }

    private RenderedDocument render(String markdown) {
        return engine.render(new PostSource("2026-11-26-photos.md", "---\ntitle: Photos\n---\n" + markdown),
                RenderOptions.untrusted());
    }

    @Test
    void mediaImagesBecomeResponsive() throws Exception {
        upload("2026/11/wide.jpg", TestImages.withExif(TestImages.jpeg(2000, 1000), 1), "image/jpeg");
        upload("2026/11/small.png", TestImages.write(TestImages.solid(300, 200, java.awt.Color.ORANGE), "png"),
                "image/png");
        assertThat(media.describe("_w1600/2026/11/wide.jpg")).isPresent();
        assertThat(media.describe(VariantPaths.recordPath("2026/11/wide.jpg"))).isPresent();

        RenderedDocument document = render("""
                ![The bay at dawn](/media/2026/11/wide.jpg)

                Text with ![an inline one](/media/2026/11/small.png) in it.

                ![A lake](/media/2026/11/small.png "Dawn at the lake")

                ![Outside](https://example.com/x.png)
                """);
        Document html = Jsoup.parseBodyFragment(document.html());
        Elements images = html.select("img");
        assertThat(images).hasSize(4);

        Element first = images.get(0);
        assertThat(first.attr("alt")).isEqualTo("The bay at dawn");
        assertThat(first.attr("width")).isEqualTo("2000");
        assertThat(first.attr("height")).isEqualTo("1000");
        String version = StorageImageLibrary.version(media.describe("2026/11/wide.jpg").orElseThrow());
        assertThat(first.attr("srcset")).isEqualTo(
                "/media/_w480/2026/11/wide.jpg?v=" + version + " 480w, /media/_w960/2026/11/wide.jpg?v=" + version
                        + " 960w, /media/_w1600/2026/11/wide.jpg?v=" + version + " 1600w, /media/2026/11/wide.jpg 2000w");
        assertThat(first.attr("sizes")).isEqualTo("(max-width: 768px) 100vw, 768px");
        assertThat(first.hasAttr("loading")).as("the first image loads at once").isFalse();
        assertThat(first.attr("decoding")).isEqualTo("async");
        assertThat(first.attr("style")).matches("background-color:#[0-9a-f]{6}");

        Element inline = images.get(1);
        assertThat(inline.attr("loading")).isEqualTo("lazy");
        assertThat(inline.attr("width")).isEqualTo("300");
        assertThat(inline.attr("height")).isEqualTo("200");
        assertThat(inline.hasAttr("srcset")).as("no variant narrower than 300").isFalse();

        Element figure = html.selectFirst("figure.quire-figure");
        assertThat(figure).isNotNull();
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("A lake");
        assertThat(figure.selectFirst("img").hasAttr("title")).isFalse();
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Dawn at the lake");
        assertThat(figure.parent().tagName()).isNotEqualTo("p");

        Element outside = images.get(3);
        assertThat(outside.attr("loading")).isEqualTo("lazy");
        assertThat(outside.hasAttr("srcset")).isFalse();
        assertThat(outside.hasAttr("width")).isFalse();
        assertThat(document.diagnostics()).isEmpty();
    }

    @Test
    void aMissingFileShowsAPlaceholderAndIsReported() {
        RenderedDocument document = render("Before\n\n![Gone <b>bold</b>](/media/2026/11/gone.jpg)\n");
        Document html = Jsoup.parseBodyFragment(document.html());
        assertThat(html.select("img")).isEmpty();
        Element placeholder = html.selectFirst("span.quire-image-missing");
        assertThat(placeholder).isNotNull();
        assertThat(placeholder.text()).isEqualTo("Missing image: Gone bold (2026/11/gone.jpg)");
        assertThat(document.diagnostics()).extracting(Diagnostic::message).anySatisfy(message -> assertThat(message)
                .contains(ImgTransform.MISSING_MEDIA + "/media/2026/11/gone.jpg"));
    }

    @Test
    void anImageNotYetProcessedIsMeasuredFromItsHeader() throws Exception {
        media.store("raw/turned.jpg", new ByteArrayInputStream(TestImages.withExif(TestImages.jpeg(1200, 800), 6)),
                "image/jpeg");
        Element img = Jsoup.parseBodyFragment(render("![x](/media/raw/turned.jpg)").html()).selectFirst("img");
        assertThat(img.attr("width")).isEqualTo("800");
        assertThat(img.attr("height")).isEqualTo("1200");
        // Its variants are made when it is processed; until then no page names a copy that is not there.
        assertThat(img.hasAttr("srcset")).isFalse();
        assertThat(img.hasAttr("style")).as("no colour before processing").isFalse();
    }

    @Test
    void aPageAsksForTheCopiesAnImageLacksAndNamesThemOnceMade() throws Exception {
        // Stored without the event an upload sends, as by a plugin disabled at the time: no copies, no record.
        media.store("raw/late.jpg", new ByteArrayInputStream(TestImages.jpeg(1400, 700)), "image/jpeg");
        assertThat(Jsoup.parseBodyFragment(render("![x](/media/raw/late.jpg)").html()).selectFirst("img")
                .hasAttr("srcset")).isFalse();

        assertThat(plugin.awaitReprocessing(30)).isTrue();
        assertThat(media.describe("_w960/raw/late.jpg")).isPresent();
        assertThat(host.invalidated()).as("cached pages are dropped once the copies exist").isNotEmpty();
        assertThat(Jsoup.parseBodyFragment(render("![x](/media/raw/late.jpg)").html()).selectFirst("img")
                .attr("srcset")).contains("/media/_w480/raw/late.jpg?v=").contains(" 960w").contains(" 1400w");
    }

    @Test
    void newWidthsRemakeEveryImagesCopiesAndRemoveTheOldOnes() throws Exception {
        upload("2026/11/wide.jpg", TestImages.jpeg(2000, 1000), "image/jpeg");
        assertThat(media.describe("_w1600/2026/11/wide.jpg")).isPresent();

        host.set(ImagesPlugin.ID, ImagesPlugin.WIDTHS, "320, 1200");
        plugin.onEvent(new SiteEvent.SettingsChanged(ImagesPlugin.ID));
        assertThat(plugin.awaitReprocessing(30)).isTrue();

        assertThat(media.describe("_w320/2026/11/wide.jpg")).as(String.join("\n", host.log())).isPresent();
        assertThat(media.describe("_w1200/2026/11/wide.jpg")).isPresent();
        for (String gone : List.of("_w480", "_w960", "_w1600")) {
            assertThat(media.describe(gone + "/2026/11/wide.jpg")).as(gone).isEmpty();
        }
        String srcset = Jsoup.parseBodyFragment(render("![x](/media/2026/11/wide.jpg)").html()).selectFirst("img")
                .attr("srcset");
        assertThat(srcset).contains(" 320w").contains(" 1200w").doesNotContain(" 480w").doesNotContain(" 1600w");
    }

    @Test
    void untilItsCopiesAreRemadeAPageNamesTheCopiesThatExist() {
        ImageInfo photo = new ImageInfo(ImageType.JPEG, 2000, 1000, 1, false, false);
        StoredImage made = new StoredImage("p.jpg", "v1", photo, "#102030", null, List.of(480));
        List<String> outdated = new java.util.ArrayList<>();
        ImgTransform transform = new ImgTransform(path -> Optional.of(made), "/media/", outdated::add);

        String out = transform.transformHtml("<p><img src=\"/blog/media/p.jpg\" alt=\"\"></p>", new Context());

        assertThat(Jsoup.parseBodyFragment(out).selectFirst("img").attr("srcset"))
                .isEqualTo("/blog/media/_w480/p.jpg?v=v1 480w, /blog/media/p.jpg 2000w");
        assertThat(outdated).as("the settings ask for 480, 960 and 1600").containsExactly("p.jpg");
    }

    /** Trusted HTML as authors write it, under a base path, with a fixed library. */
    @Test
    void authoredHtmlUnderABasePath() {
        ImageInfo photo = new ImageInfo(ImageType.WEBP, 1200, 900, 1, false, false);
        Map<String, StoredImage> stored = new HashMap<>();
        stored.put("a b.webp", new StoredImage("a b.webp", "v1", photo, "#102030", null));
        stored.put("logo.svg", new StoredImage("logo.svg", "v2", new ImageInfo(ImageType.SVG, 64, 32, 1, false, true),
                null, null));
        ImgTransform transform = new ImgTransform(path -> Optional.ofNullable(stored.get(path)), "/media/");
        String html = "<p><IMG SRC='/blog/media/a%20b.webp' alt=\"Tom &amp; Jerry\" width=600></p>\n"
                + "<!-- <img src=\"/blog/media/gone.png\"> -->\n"
                + "<script>var s = '<img src=\"/blog/media/gone.png\">';</script>\n"
                + "<p><img src=\"https://example.org/blog/media/logo.svg\" loading=\"eager\"/></p>";
        Context context = new Context();
        String out = transform.transformHtml(html, context);

        assertThat(context.reports).isEmpty();
        assertThat(out).contains("<!-- <img src=\"/blog/media/gone.png\"> -->",
                "<script>var s = '<img src=\"/blog/media/gone.png\">';</script>");
        Document document = Jsoup.parseBodyFragment(out);
        Element webp = document.select("img").get(0);
        assertThat(webp.attr("alt")).isEqualTo("Tom & Jerry");
        assertThat(webp.attr("width")).isEqualTo("600");
        assertThat(webp.attr("height")).isEqualTo("450");
        assertThat(webp.attr("srcset")).isEqualTo("/blog/media/_w480/a%20b.webp.jpg?v=v1 480w, "
                + "/blog/media/_w960/a%20b.webp.jpg?v=v1 960w, /blog/media/a%20b.webp 1200w");
        Element svg = document.select("img").get(1);
        assertThat(svg.attr("loading")).isEqualTo("eager");
        assertThat(svg.attr("width")).isEqualTo("64");
        assertThat(svg.hasAttr("srcset")).isFalse();
    }

    private static final class Context implements TransformContext {
        final List<String> reports = new java.util.ArrayList<>();

        @Override
        public String source() {
            return "post.html";
        }

        @Override
        public String title() {
            return "Post";
        }

        @Override
        public Map<String, Object> frontMatter() {
            return Map.of();
        }

        @Override
        public PluginSettings settings() {
            return null;
        }

        @Override
        public Optional<SiteInfo> site() {
            return Optional.of(new SiteInfo("Site", "", "https://example.org", "/blog", Locale.ENGLISH, ZoneOffset.UTC));
        }

        @Override
        public void report(int line, String message) {
            reports.add(message);
        }
    }
}
