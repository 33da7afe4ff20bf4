package org.quire.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quire.core.Diagnostic;
import org.quire.core.Diagnostic.Kind;
import org.quire.core.Diagnostic.Severity;
import org.quire.core.site.PermalinkPattern;
import org.quire.core.site.SiteSettings;
import org.quire.core.site.Tag;

class PostReaderTest {

    private final PostReader reader = new PostReader();
    private final SiteSettings site = SiteSettings.defaults();

    private PostReader.Read read(String name, String text) {
        return reader.read(new PostSource(name, text), site);
    }

    @Test
    void invalidYamlLosesOnlyTheKeysItSpoilsNamingEachWithItsLine() {
        PostReader.Read read = read("_posts/2020-01-02-broken.md", """
                ---
                title: Fine
                tags: [one, two
                author: someone
                summary: Re: not valid either
                description: Kept
                ---
                The body is kept.
                """);
        assertThat(read.diagnostics()).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Kind.FRONT_MATTER_PARTLY_READ);
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.source()).isEqualTo("_posts/2020-01-02-broken.md");
        });
        assertThat(read.diagnostics()).extracting(Diagnostic::line).containsExactly(3, 5);
        assertThat(read.diagnostics().get(0).message()).contains("'tags' is not read");
        assertThat(read.metadata().authors()).containsExactly("someone");
        assertThat(read.diagnostics().get(1).message()).contains("'summary' is not read")
                .contains("mapping values are not allowed");
        assertThat(read.body()).isEqualTo("The body is kept.\n");
        assertThat(read.metadata().title()).isEqualTo("Fine");
        assertThat(read.metadata().description()).isEqualTo("Kept");
        assertThat(read.metadata().date()).isNotNull();
    }

    @Test
    void anImpossibleDayRollsOverAsInJekyllAndTheWriterIsTold() {
        PostReader.Read named = read("_posts/2016-06-31-impossible.md", "---\ntitle: T\n---\nBody\n");
        assertThat(named.metadata().date().toLocalDate()).hasToString("2016-07-01");
        assertThat(named.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.DATE_ROLLED_OVER);
            assertThat(d.message()).contains("2016-06-31", "2016-07-01");
        });
        PostReader.Read written = read("_posts/2016-06-01-x.md", "---\ntitle: T\ndate: 2016-02-30 10:00\n---\n");
        assertThat(written.metadata().date().toLocalDate()).hasToString("2016-03-01");
        assertThat(written.diagnostics()).extracting(Diagnostic::kind, Diagnostic::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.DATE_ROLLED_OVER, 3));
    }

    @Test
    void unclosedQuotesLoseTheirKeyAndWhatFollowsButNotWhatCameBefore() {
        PostReader.Read read = read("_posts/2020-01-02-quote.md", "---\ntitle: Kept\nsummary: \"never closed\n"
                + "---\nBody\n");
        assertThat(read.metadata().title()).isEqualTo("Kept");
        assertThat(read.diagnostics()).extracting(Diagnostic::kind).containsOnly(Kind.FRONT_MATTER_PARTLY_READ);
    }

    @Test
    void frontMatterOverItsLimitIsReportedWithoutBeingParsed() {
        String title = "x".repeat(FrontMatterParser.MAX_CHARACTERS);
        PostReader.Read read = read("2020-01-02-huge.md", "---\ntitle: " + title + "\n---\nBody\n");
        assertThat(read.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.FRONT_MATTER_INVALID);
            assertThat(d.message()).contains("at most " + FrontMatterParser.MAX_CHARACTERS);
        });
        assertThat(read.body()).isEqualTo("Body\n");
    }

    @Test
    void aValueThatContainsItselfIsReportedAndASharedAliasIsNot() {
        PostReader.Read looping = read("2020-01-02-loop.md", "---\ntitle: Loop\nx: &x [*x]\n---\nBody\n");
        assertThat(looping.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.FRONT_MATTER_INVALID);
            assertThat(d.message()).contains("'x'").contains("contains itself");
        });
        assertThat(read("2020-01-02-deep.md", "---\ntitle: Deep\nm: &m {a: {b: [*m]}}\n---\nBody\n").diagnostics())
                .extracting(Diagnostic::kind).containsExactly(Kind.FRONT_MATTER_INVALID);

        PostReader.Read shared = read("2020-01-02-shared.md",
                "---\ntitle: Shared\nbase: &b [one, two]\nagain: *b\nnested: {list: *b}\n---\nBody\n");
        assertThat(shared.diagnostics()).isEmpty();
        assertThat(shared.metadata().extra()).containsEntry("again", List.of("one", "two"));
    }

    @Test
    void frontMatterThatIsNotAMappingIsReported() {
        PostReader.Read read = read("2020-01-02-list.md", "---\n- a\n- b\n---\nBody\n");
        assertThat(read.diagnostics()).extracting(Diagnostic::kind).containsExactly(Kind.FRONT_MATTER_INVALID);
        assertThat(read.diagnostics().get(0).message()).contains("mapping").contains("list");
    }

    @Test
    void unclosedFrontMatterIsReportedAndNothingIsLost() {
        String text = "---\ntitle: Never closed\n\nBody text\n";
        PostReader.Read read = read("2020-01-02-open.md", text);
        assertThat(read.diagnostics()).extracting(Diagnostic::kind).containsExactly(Kind.FRONT_MATTER_INVALID);
        assertThat(read.diagnostics().get(0).line()).isEqualTo(1);
        assertThat(read.body()).isEqualTo(text);
    }

    @Test
    void tabsArePartOfTheSpaceWherePsychReadsThemSoAndIndentationTabsAreReported() {
        PostReader.Read read = read("2016-05-19-content-debt.md",
                "---\ntitle:\tT\tU # c\nauthors:\n- melody\t\t\ntags: [a,\tb]\t# tab before a comment\n---\nBody\n");
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.metadata().title()).isEqualTo("T\tU");
        assertThat(read.metadata().authors()).containsExactly("melody");
        assertThat(read.metadata().tags()).extracting(org.quire.core.site.Tag::name).containsExactly("a", "b");

        PostReader.Read indented = read("2016-05-19-indented.md", "---\ntitle: T\nauthors:\n\t- melody\n---\nBody\n");
        assertThat(indented.diagnostics()).extracting(Diagnostic::kind)
                .contains(Kind.FRONT_MATTER_PORTABILITY, Kind.FRONT_MATTER_PARTLY_READ);
        assertThat(indented.metadata().title()).isEqualTo("T");
    }

    @Test
    void unreadableDateFallsBackToTheFileNameWithAWarning() {
        PostReader.Read read = read("_posts/2019-12-3-long-term-teams.md", "---\ntitle: T\ndate: next tuesday\n---\n");
        assertThat(read.metadata().date().toLocalDate()).hasToString("2019-12-03");
        assertThat(read.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.DATE_UNREADABLE);
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).contains("'next tuesday'").contains("file name");
        });
    }

    @Test
    void readsJekyllConventions() {
        String longValue = "x".repeat(200_000);
        PostReader.Read read = reader.read(new PostSource("_posts/2016-07-19-a-post.md", """
                ---
                title: "A post"
                date: 2016-07-19 10:00:00 -0400
                category: "engineering  "
                categories: [Engineering, design]
                tags: Nova nova  云计算 C++
                author: jane
                authors: [jane, joe]
                published: false
                redirect_from:
                  - /old/path/
                  - /older/
                excerpt: "Short *summary*"
                description: Described
                layout: post
                hero: /images/hero.png
                long: %s
                ---
                Body
                """.formatted(longValue)), site.withTimeZone(ZoneId.of("America/New_York")));
        PostMetadata m = read.metadata();
        assertThat(read.diagnostics()).isEmpty();
        assertThat(m.title()).isEqualTo("A post");
        assertThat(m.date().toOffsetDateTime()).hasToString("2016-07-19T10:00-04:00");
        assertThat(m.categories()).containsExactly("engineering", "Engineering", "design");
        assertThat(m.tags()).extracting(Tag::name).containsExactly("Nova", "云计算", "C++");
        assertThat(m.authors()).containsExactly("jane", "joe");
        assertThat(m.published()).isFalse();
        assertThat(m.redirectFrom()).containsExactly("/old/path/", "/older/");
        assertThat(m.excerpt()).isEqualTo("Short *summary*");
        assertThat(m.description()).isEqualTo("Described");
        assertThat(m.layout()).isEqualTo("post");
        assertThat(m.extra()).containsEntry("hero", "/images/hero.png").containsEntry("long", longValue);
        assertThat(m.slug()).isEqualTo("a-post");
        assertThat(m.permalink()).isEqualTo("/engineering/design/2016/07/19/a-post.html");
    }

    @Test
    void tagsAsAListKeepTheirSpaces() {
        PostReader.Read read = read("2020-01-01-x.md", "---\ntags:\n- Linux initramfs\n- linux  INITRAMFS\n- AWS\n---\n");
        assertThat(read.metadata().tags()).extracting(Tag::name).containsExactly("Linux initramfs", "AWS");
    }

    @Test
    void oddlyShapedValuesAreReportedAndIgnored() {
        PostReader.Read read = read("2020-01-01-x.md", "---\ntags:\n  a: 1\nauthors:\n- {name: x}\n- real\n---\n");
        assertThat(read.metadata().tags()).isEmpty();
        assertThat(read.metadata().authors()).containsExactly("real");
        assertThat(read.diagnostics()).extracting(Diagnostic::kind)
                .containsExactly(Kind.FRONT_MATTER_FIELD, Kind.FRONT_MATTER_FIELD);
        assertThat(read.diagnostics().get(0).line()).isEqualTo(2);
    }

    @Test
    void aPostWithoutFrontMatterOrDateIsStillRead() {
        PostReader.Read read = read("notes.md", "# Hello\n");
        assertThat(read.metadata().title()).isEqualTo("Notes");
        assertThat(read.metadata().date()).isNull();
        assertThat(read.diagnostics()).extracting(Diagnostic::kind).containsExactly(Kind.DATE_MISSING);
        assertThat(read.body()).isEqualTo("# Hello\n");
    }

    @Test
    void frontMatterPermalinkWinsOverThePattern() {
        SiteSettings pretty = new SiteSettings("", "", "", "", null, null, PermalinkPattern.PRETTY, Map.of());
        PostReader.Read read = reader.read(new PostSource("2020-01-01-x.md", "---\npermalink: about/me/\n---\n"), pretty);
        assertThat(read.metadata().permalink()).isEqualTo("/about/me/");
        PostReader.Read patterned = reader.read(new PostSource("2020-01-01-x.md", "---\ntitle: X\n---\n"), pretty);
        assertThat(patterned.metadata().permalink()).isEqualTo("/2020/01/01/x/");
        assertThat(List.of(read, patterned)).allSatisfy(r -> assertThat(r.diagnostics()).isEmpty());
    }

    @Test
    void aPermalinkIsAlwaysAPathOnThisSite() {
        SiteSettings pretty = new SiteSettings("", "", "", "", null, null, PermalinkPattern.PRETTY, Map.of());
        for (String hostile : new String[] {"//evil.example/x/", "/\\evil.example/x/", "\\\\evil.example\\x/"}) {
            PostReader.Read read = reader.read(new PostSource("2020-01-01-x.md",
                    "---\ntitle: X\npermalink: '" + hostile + "'\n---\n"), pretty);
            assertThat(read.metadata().permalink()).as(hostile).isEqualTo("/evil.example/x/");
            assertThat(read.diagnostics()).as(hostile).singleElement()
                    .satisfies(d -> assertThat(d.line()).isEqualTo(3));
        }
    }
}
