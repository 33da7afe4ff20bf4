package org.quire.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quire.core.liquid.LinkResolver;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.site.JekyllConfig;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostSource;

/**
 * Every post of the two real Jekyll corpora renders: a title, the date Jekyll itself gives (from
 * {@code jekyll-dates.tsv}, made by {@code src/test/ruby/jekyll_dates.rb} with Jekyll 4.3.1), and no Liquid or
 * kramdown syntax left in the HTML outside code and raw blocks unless a diagnostic reports it. The diagnostics are
 * summarised by kind and compared with a checked-in snapshot, so a change in behaviour shows up in review.
 */
class CorpusRenderTest {

    private static final List<String> CORPORA = List.of("18f", "jekyll-news");
    private static final Pattern RAW_BLOCK = Pattern.compile("\\{%-?\\s*raw\\s*-?%}(.*?)\\{%-?\\s*endraw\\s*-?%}",
            Pattern.DOTALL);
    private static final List<String> LEFTOVER_MARKERS = List.of("{%", "{{ site.", "{{site.", "{: ");

    record Rendered(String corpus, PostSource source, RenderedDocument document) {
    }

    private static final List<Rendered> rendered = new ArrayList<>();
    private static final Map<String, OffsetDateTime> jekyllDates = new HashMap<>();

    @BeforeAll
    static void renderEveryPost() throws IOException {
        for (String line : Files.readAllLines(Path.of("src/test/resources/jekyll-dates.tsv"))) {
            if (!line.startsWith("#")) {
                String[] cells = line.split("\t");
                jekyllDates.put(cells[0] + "/" + cells[1], OffsetDateTime.parse(cells[2]));
            }
        }
        for (String corpus : CORPORA) {
            Path root = SharedFiles.corpus(corpus);
            SiteSettings site = JekyllConfig.read(root.resolve("_config.yml"));
            ContentEngine engine = ContentEngine.create(site, PluginRegistry.empty());
            List<PostSource> sources;
            try (Stream<Path> files = Files.walk(root.resolve("_posts"))) {
                sources = files.filter(Files::isRegularFile).sorted().map(file -> PostSource.read(root, file)).toList();
            }
            // Two passes, as an import does: every post's URL first, so post_url and link can resolve.
            Map<String, String> urlByStem = new HashMap<>();
            Map<String, String> urlByPath = new HashMap<>();
            for (PostSource source : sources) {
                String url = site.basePath() + engine.read(source).metadata().permalink();
                String fileName = source.fileName();
                urlByStem.put(fileName.substring(0, fileName.lastIndexOf('.')), url);
                urlByPath.put(source.name(), url);
            }
            LinkResolver links = new LinkResolver() {
                @Override
                public Optional<String> postUrl(String reference) {
                    String stem = reference.substring(reference.lastIndexOf('/') + 1);
                    return Optional.ofNullable(urlByStem.get(stem));
                }

                @Override
                public Optional<String> link(String sourcePath) {
                    return Optional.ofNullable(urlByPath.get(sourcePath));
                }
            };
            for (PostSource source : sources) {
                rendered.add(new Rendered(corpus, source,
                        engine.render(source, RenderOptions.trusted().withLinks(links))));
            }
        }
    }

    @Test
    void everyPostIsAccountedFor() {
        assertThat(rendered).hasSize(607);
        assertThat(rendered).filteredOn(r -> r.corpus().equals("jekyll-news")).hasSize(102);
        assertThat(rendered).extracting(r -> r.source().fileName()).contains("2019-12-3-long-term-teams.md");
        assertThat(rendered).allSatisfy(r -> {
            assertThat(r.document().metadata().title()).as(r.source().name()).isNotBlank();
            assertThat(r.document().html()).as(r.source().name()).isNotBlank();
        });
    }

    @Test
    void everyDateIsTheOneJekyllGives() {
        assertThat(jekyllDates).hasSize(607);
        List<String> mismatches = new ArrayList<>();
        for (Rendered r : rendered) {
            OffsetDateTime expected = jekyllDates.get(r.corpus() + "/" + r.source().name());
            OffsetDateTime actual = r.document().metadata().date() == null ? null
                    : r.document().metadata().date().toOffsetDateTime();
            if (expected == null || !expected.equals(actual)) {
                mismatches.add(r.source().name() + ": front matter " + r.document().metadata().frontMatter().get("date")
                        + ", Jekyll " + expected + ", Quire " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void noJekyllSyntaxSurvivesUnlessReported() {
        List<String> unreported = new ArrayList<>();
        for (Rendered r : rendered) {
            Document html = Jsoup.parseBodyFragment(r.document().html());
            html.select("pre, code").remove();
            String outsideCode = html.body().html();
            String rawContent = rawBlocks(r.source().text());
            long liquidDiagnostics = r.document().diagnostics().stream()
                    .filter(d -> d.kind().name().startsWith("LIQUID_")).count();
            for (String marker : LEFTOVER_MARKERS) {
                int left = occurrences(outsideCode, marker);
                int allowed = occurrences(rawContent, marker) + (int) liquidDiagnostics;
                if (left > allowed) {
                    unreported.add(r.source().name() + ": '" + marker + "' " + left + " times outside code and raw"
                            + " blocks, with " + liquidDiagnostics + " Liquid diagnostics");
                }
            }
        }
        assertThat(unreported).isEmpty();
    }

    @Test
    void diagnosticsMatchTheSnapshot() throws IOException {
        Map<String, Long> byKind = new TreeMap<>(rendered.stream().flatMap(r -> r.document().diagnostics().stream())
                .collect(Collectors.groupingBy(d -> d.severity() + " " + d.kind(), Collectors.counting())));
        long postsWithDiagnostics = rendered.stream().filter(r -> !r.document().diagnostics().isEmpty()).count();
        StringBuilder summary = new StringBuilder("# Diagnostics over the 607 corpus posts, by severity and kind.\n"
                + "# A change here is a change in engine behaviour: review it, then update this file from\n"
                + "# platform-core/target/corpus-diagnostics.actual.txt.\n");
        byKind.forEach((kind, count) -> summary.append(kind).append(' ').append(count).append('\n'));
        summary.append("posts-with-diagnostics ").append(postsWithDiagnostics).append('\n');
        System.out.println(summary);

        Path actual = Path.of("target/corpus-diagnostics.actual.txt");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, summary, StandardCharsets.UTF_8);
        Files.write(Path.of("target/corpus-diagnostics.all.txt"), rendered.stream()
                .flatMap(r -> r.document().diagnostics().stream()).map(d -> d.toString()).toList());
        String expected = Files.readString(Path.of("src/test/resources/corpus-diagnostics.snapshot.txt"));
        assertThat(summary.toString()).isEqualTo(expected);
    }

    private static String rawBlocks(String text) {
        Matcher m = RAW_BLOCK.matcher(text);
        StringBuilder raw = new StringBuilder();
        while (m.find()) {
            raw.append(m.group(1)).append('\n');
        }
        return raw.toString();
    }

    private static int occurrences(String text, String marker) {
        int count = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length())) {
            count++;
        }
        return count;
    }

    static {
        if (!Files.isDirectory(Path.of("src/test/resources"))) {
            throw new UncheckedIOException(new IOException("run from the platform-core module folder"));
        }
    }
}
