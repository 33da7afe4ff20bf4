package org.quire.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.quire.core.Diagnostic.Kind;
import org.quire.core.RenderedDocument.Reference;
import org.quire.core.RenderedDocument.TocEntry;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.site.PermalinkPattern;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostSource;

class ContentEngineTest {

    private final ContentEngine engine = ContentEngine.standalone();

    private RenderedDocument render(String markdown) {
        return engine.render(new PostSource("_posts/2020-01-01-t.md", markdown), RenderOptions.trusted());
    }

    @Test
    void rendersGfm() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("| a | b |\n|:--|--:|\n| 1 | 2 |\n", """
                <table>
                <thead>
                <tr>
                <th align="left">a</th>
                <th align="right">b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td align="left">1</td>
                <td align="right">2</td>
                </tr>
                </tbody>
                </table>
                """);
        cases.put("~~gone~~", "<p><del>gone</del></p>\n");
        cases.put("see https://example.org.", "<p>see <a href=\"https://example.org\">https://example.org</a>.</p>\n");
        cases.put("- [x] done\n- [ ] todo", """
                <ul>
                <li><input type="checkbox" disabled="" checked=""> done</li>
                <li><input type="checkbox" disabled=""> todo</li>
                </ul>
                """);
        cases.put("## Amazon EKS", "<h2 id=\"amazon-eks\">Amazon EKS</h2>\n");
        cases.put("## 工作原理", "<h2 id=\"工作原理\">工作原理</h2>\n");
        cases.forEach((markdown, html) -> assertThat(render(markdown).html()).as(markdown).isEqualTo(html));
    }

    @Test
    void rendersFootnotes() {
        String html = render("Claim.[^1]\n\n[^1]: Source.\n").html();
        assertThat(html).contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\"", "<section class=\"footnotes\"",
                "Source.");
    }

    @Test
    void repeatedHeadingsGetDistinctIdsInTheTableOfContents() {
        RenderedDocument doc = render("# Title\n\n## 优势\n\n### Notes\n\n## 优势\n");
        assertThat(doc.tableOfContents()).containsExactly(new TocEntry(1, "title", "Title"),
                new TocEntry(2, "优势", "优势"), new TocEntry(3, "notes", "Notes"), new TocEntry(2, "优势-1", "优势"));
        assertThat(doc.html()).contains("<h2 id=\"优势-1\">");
    }

    @Test
    void collectsImagesAndLinksFromMarkdownAndRawHtml() {
        RenderedDocument doc = render("""
                ![One](/images/1.jpg) [site](https://example.org) ![One again](/images/1.jpg)

                <figure><img src="/assets/2.png" alt="Two"><figcaption><a href="/about/">About</a></figcaption></figure>
                """);
        assertThat(doc.images()).containsExactly(new Reference("/images/1.jpg", "One"), new Reference("/assets/2.png", "Two"));
        assertThat(doc.links()).extracting(Reference::target).containsExactly("https://example.org", "/about/");
    }

    @Test
    void untrustedAuthorsLoseScriptsAndAreTold() {
        RenderedDocument doc = engine.render(new PostSource("2020-01-01-p.md", """
                Hello <script>alert(1)</script> [x](javascript:alert(1))

                <iframe src="https://evil.example"></iframe>
                <img src="/a.png" onerror="alert(1)">
                """), RenderOptions.untrusted());
        assertThat(doc.html()).doesNotContain("<script", "javascript:", "<iframe", "onerror").contains("src=\"/a.png\"");
        assertThat(doc.diagnostics()).extracting(Diagnostic::kind).containsExactly(Kind.HTML_SANITISED);
        assertThat(doc.diagnostics().get(0).message()).contains("<script>", "<iframe>", "onerror on <img>");
    }

    @Test
    void trustedAuthorsKeepTheirEmbeds() {
        String embed = "<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>";
        assertThat(render(embed + "\n").html()).contains(embed);
    }

    @Test
    void excerptIsTheFirstParagraphOrTheFrontMatterOrUpToTheSeparator() {
        assertThat(render("## Heading\n\nFirst *para*.\n\nSecond.\n").excerptHtml()).isEqualTo("<p>First <em>para</em>.</p>\n");
        assertThat(render("---\nexcerpt: Given **here**\n---\nBody.\n").excerptHtml()).isEqualTo("<p>Given <strong>here</strong></p>\n");
        assertThat(render("---\nexcerpt_separator: <!--more-->\n---\nOne.\n\nTwo.\n<!--more-->\nThree.\n").excerptText())
                .isEqualTo("One. Two.");

        SiteSettings site = new SiteSettings("", "", "", "", ZoneOffset.UTC, "<!--more-->", PermalinkPattern.DATE, Map.of());
        RenderedDocument withSiteSeparator = ContentEngine.create(site, PluginRegistry.empty())
                .render(new PostSource("x.md", "Alpha.\n\nBeta.\n<!--more-->\nGamma.\n"), RenderOptions.trusted());
        assertThat(withSiteSeparator.excerptText()).isEqualTo("Alpha. Beta.");
    }

    @Test
    void htmlPostsAreKeptAsHtml() {
        RenderedDocument doc = engine.render(new PostSource("_posts/2015-01-01-page.html", """
                ---
                title: An HTML post
                ---
                <p>Hello *not markdown* <a href="{{ site.baseurl }}/x/">x</a></p>
                <p>Second</p>
                """), RenderOptions.trusted());
        assertThat(doc.html()).contains("<p>Hello *not markdown* <a href=\"/x/\">x</a></p>");
        assertThat(doc.excerptHtml()).isEqualTo("<p>Hello *not markdown* <a href=\"/x/\">x</a></p>");
        assertThat(doc.words()).isEqualTo(5);
        assertThat(doc.links()).extracting(Reference::target).containsExactly("/x/");
    }

    @Test
    void readingTimeForChineseJapaneseKoreanAndMixedPosts() {
        String chinese = "借助云计算，我们可以轻松部署和扩展应用程序。".repeat(60);
        RenderedDocument zh = render(chinese);
        assertThat(zh.words()).isEqualTo(20 * 60);
        assertThat(zh.readingMinutes()).isEqualTo(5);

        RenderedDocument ja = render("クラウドで簡単にアプリを動かせます。".repeat(50));
        assertThat(ja.words()).isEqualTo(17 * 50);
        assertThat(ja.readingMinutes()).isEqualTo(3);

        RenderedDocument ko = render("클라우드 서비스를 사용합니다. ".repeat(40));
        assertThat(ko.words()).isEqualTo(13 * 40);
        assertThat(ko.readingMinutes()).isEqualTo(2);

        RenderedDocument mixed = render("使用 Amazon EKS 运行 Kubernetes 集群。\n\n```\ncode is not counted at all\n```\n");
        assertThat(mixed.words()).isEqualTo(2 + 2 + 2 + 1 + 2);
        assertThat(mixed.readingMinutes()).isEqualTo(1);
    }

    @Test
    void oneEngineServesManyThreadsWithTheSameResult() throws Exception {
        String markdown = "## 标题\n\nText with [link](/x/) and ![img](/i.png)\n\n## 标题\n";
        String expected = render(markdown).html();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> render(markdown).html()));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputNeverThrows() {
        for (String text : List.of("", "---", "---\n---", "---\n: :\n---\n", "\uFEFF---\ntitle: BOM\n---\nx",
                "---\ndate: 9999-99-99\n---\n", "[", "{% raw %}", "<div>", "\u0000\u0001", "#".repeat(10_000))) {
            RenderedDocument doc = engine.render(new PostSource("odd.md", text), RenderOptions.untrusted());
            assertThat(doc.html()).isNotNull();
        }
        assertThat(engine.render(new PostSource("bom.md", "\uFEFF---\ntitle: BOM\n---\nx"), RenderOptions.trusted())
                .metadata().title()).isEqualTo("BOM");
    }

    @Test
    void renderingUnderTheNameAFirstReadGivesIsRenderingUnderThatName() throws Exception {
        // As a stored post is named: its date and slug, which the front matter may give or leave to the name.
        java.util.function.Function<org.quire.core.source.PostMetadata, String> nameFor = metadata ->
                (metadata.date() == null ? "2001-02-03" : metadata.date().toLocalDate().toString()) + "-"
                        + metadata.slug() + ".md";
        List<String> texts = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(SharedFiles.corpus("18f").resolve("_posts"))) {
            for (java.nio.file.Path file : files.sorted().limit(40).toList()) {
                texts.add(java.nio.file.Files.readString(file));
            }
        }
        texts.add("---\ntitle: No date\n---\nText\n");
        texts.add("---\ntitle: [unclosed\n---\nBroken front matter\n");
        texts.add("No front matter at all\n");
        for (String text : texts) {
            String name = nameFor.apply(engine.read(new PostSource("post.md", text)).metadata());
            RenderedDocument twoReads = engine.render(new PostSource(name, text), RenderOptions.trusted());
            RenderedDocument renamed = engine.renderRenamed(new PostSource("post.md", text), nameFor,
                    RenderOptions.trusted());
            assertThat(renamed).as(name).isEqualTo(twoReads);
            assertThat(renamed.metadata().source()).isEqualTo(name);
        }
        RenderedDocument broken = engine.renderRenamed(new PostSource("post.md", texts.get(texts.size() - 2)),
                nameFor, RenderOptions.trusted());
        assertThat(broken.diagnostics()).anySatisfy(diagnostic -> {
            assertThat(diagnostic.kind()).isEqualTo(Kind.FRONT_MATTER_PARTLY_READ);
            assertThat(diagnostic.source()).isEqualTo("2001-02-03-post.md");
        });
    }
}
