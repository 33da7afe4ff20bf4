package org.quire.web.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.quire.web.content.JekyllImport.Outcome;
import org.quire.web.content.JekyllImport.PostResult;
import org.quire.web.site.Site;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The test site of Jekyll's reader cases ({@code platform-core/src/test/resources/jekyll-sites/reader-cases}, whose
 * posts Jekyll itself listed in {@code jekyll-reader.tsv}) moved into an empty instance: every file accounted for,
 * the site's settings taken over so that each Jekyll URL is its post's address, no post overwriting another, the
 * files posts show stored, and a second import of the unchanged folder changing nothing. On the embedded database
 * only: the import's storage is the same on every database, and JekyllImportTest runs there on all three.
 */
@QuarkusTest
@TestProfile(JekyllReaderCasesImportTest.EmptyInstance.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JekyllReaderCasesImportTest {

    public static class EmptyInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.import.first-import-takes-site-settings", "true",
                    "quire.database.url", "jdbc:h2:mem:quire-reader-cases;DB_CLOSE_DELAY=-1");
        }
    }

    private static final Path CASES = Path.of("../platform-core/src/test/resources/jekyll-sites/reader-cases");

    @TempDir
    static Path work;

    @Inject
    JekyllImport importer;

    @Inject
    PostService posts;

    private static Path site;
    private static JekyllImport.Report report;

    @Test
    @Order(1)
    void everyFileUnderThePostFoldersHasALineAndTheTotalsAddUp() throws Exception {
        site = work.resolve("reader-cases");
        copy(CASES, site);
        report = importer.importSiteWithProgress(site, done -> { });
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            walk.filter(Files::isRegularFile).map(f -> site.relativize(f).toString())
                    .filter(f -> ("/" + f).contains("/_posts/") || ("/" + f).contains("/_drafts/")).forEach(files::add);
        }
        assertThat(report.posts()).extracting(PostResult::file).containsExactlyInAnyOrderElementsOf(files);
        assertThat(report.count(Outcome.IMPORTED) + report.count(Outcome.NOT_A_POST)).isEqualTo(files.size());
        assertThat(report.count(Outcome.FAILED)).isZero();
        assertThat(result("_posts/readme.md").outcome()).isEqualTo(Outcome.NOT_A_POST);
        assertThat(result("_posts/readme.md").messages()).singleElement()
                .satisfies(m -> assertThat(m).contains("does not start with a date"));
        assertThat(result("old/_posts/2015-01-01-excluded.md").messages().get(0)).contains("excludes the folder old");
        assertThat(result("_posts/2017-08-08-not-utf8.md").messages().get(0)).contains("not UTF-8");
    }

    @Test
    @Order(2)
    void theFirstImportTakesTheSitesSettings() {
        Site settings = QuarkusTransaction.requiringNew().call(Site::get);
        assertThat(settings.title).isEqualTo("Reader cases");
        assertThat(settings.url).isEqualTo("https://cases.example.org");
        assertThat(settings.timeZone).isEqualTo("America/New_York");
        assertThat(settings.permalink).isEqualTo("/:year/:month/:title/");
        assertThat(settings.postsPerPage).isEqualTo(5);
        assertThat(settings.locale).isEqualTo("en");
        assertThat(report.settingsApplied()).anySatisfy(s -> assertThat(s).startsWith("title:"));
        assertThat(report.siteMessages()).anySatisfy(s -> assertThat(s).contains("baseurl /blog"));
    }

    @Test
    @Order(3)
    void eachJekyllUrlIsItsPostsAddressAndTheOldOneUnderBaseurlRedirects() throws IOException {
        for (String line : Files.readAllLines(Path.of("../platform-core/src/test/resources/jekyll-reader.tsv"))) {
            String[] cells = line.split("\t", -1);
            if (!cells[0].equals("reader-cases") || cells[2].isEmpty() || cells[1].endsWith(".txt")
                    || cells[4].equals("future") || cells[1].startsWith("zh_cn/")) {
                continue;
            }
            String url = cells[2];
            String path = QuarkusTransaction.requiringNew().call(() ->
                    Post.<Post>find("importSource", cells[1]).firstResult().path);
            assertThat(path).as(cells[1]).isEqualTo(url);
            given().get(url).then().statusCode(200);
            given().redirects().follow(false).get("/blog" + url).then().statusCode(301).header("Location", url);
        }
    }

    @Test
    @Order(4)
    void twoFilesWithOneSlugStayTwoPosts() {
        Post first = imported("_posts/2019-03-04-meeting-reminder.md");
        Post second = imported("_posts/2020-03-02-meeting-reminder.md");
        assertThat(first.slug).isEqualTo("meeting-reminder");
        assertThat(second.slug).isEqualTo("meeting-reminder-2");
        assertThat(second.path).isEqualTo("/2020/03/meeting-reminder/");
        assertThat(result("_posts/2020-03-02-meeting-reminder.md").messages())
                .anySatisfy(m -> assertThat(m).contains("'meeting-reminder-2'"));

        // Jekyll gives both translations one URL; the second keeps its own post and says so.
        Post english = imported("en/news/_posts/2017-03-03-hello.md");
        Post chinese = imported("zh_cn/news/_posts/2017-03-03-hello.md");
        assertThat(english.path).isEqualTo("/2017/03/hello/");
        assertThat(chinese.path).isEqualTo("/2017/03/hello-2/");
        assertThat(chinese.title).isEqualTo("你好");
        assertThat(result("zh_cn/news/_posts/2017-03-03-hello.md").messages())
                .anySatisfy(m -> assertThat(m).contains("stays that one's"));
    }

    @Test
    @Order(5)
    void datesCategoriesAuthorsAndStatesAreJekylls() {
        assertThat(imported("_posts/2016-06-31-impossible-date.md").publishedAt).hasToString("2016-07-01T04:00:00Z");
        assertThat(imported("_posts/2017-07-07-files.md").publishedAt).hasToString("2017-07-07T09:30:00Z");
        assertThat(imported("_posts/2099-01-01-far-future.md").status).isEqualTo(PostStatus.SCHEDULED);
        assertThat(imported("_posts/2018-05-06-unpublished.md").status).isEqualTo(PostStatus.DRAFT);
        assertThat(imported("_drafts/a-draft.md").status).isEqualTo(PostStatus.DRAFT);
        assertThat(imported("_posts/2018-05-05-upper-case.MD").status).isEqualTo(PostStatus.PUBLISHED);
        Post inNews = imported("news/_posts/2017-02-02-in-news.md");
        assertThat(inNews.source).contains("categories: [\"news\", \"release\"]");
        assertThat(inNews.category).isEqualTo("news");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Post.<Post>find("importSource",
                "_posts/2017-05-05-tabs-in-front-matter.md").firstResult().authors.get(0).displayName))
                .isEqualTo("Casey Writer");
        Post partly = imported("_posts/2017-06-06-partly-broken-front-matter.md");
        assertThat(partly.title).isEqualTo("Partly broken front matter");
        assertThat(partly.path).isEqualTo("/2017/06/partly-broken-front-matter/");
        assertThat(result("_posts/2017-06-06-partly-broken-front-matter.md").messages())
                .anySatisfy(m -> assertThat(m).contains("FRONT_MATTER_PARTLY_READ", "'summary'"));
    }

    @Test
    @Order(6)
    void filesThroughSiteVariablesAndRelativePathsAreStoredAndMissingOnesReported() {
        Post files = imported("_posts/2017-07-07-files.md");
        assertThat(files.source).contains("](/media/files/pic.png)", "](/media/assets/images/logo.png)")
                .doesNotContain("{{ site.filesurl }}", "../assets");
        assertThat(files.html).contains("Undefined:").doesNotContain("page.nothing").doesNotContain("{{");
        List<String> messages = result("_posts/2017-07-07-files.md").messages();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("_posts/2017-07-07-files.md:11:",
                "FILE_NOT_FOUND", "/assets/images/missing.png"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("site.nowhere is not set"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("LIQUID_UNDEFINED", "page.nothing"));
        given().get("/media/files/pic.png").then().statusCode(200);
    }

    @Test
    @Order(7)
    void importingTheUnchangedFolderAgainChangesNothingAndOneEditedFileIsOneUpdate() throws Exception {
        long postCount = QuarkusTransaction.requiringNew().call(() -> Post.count());
        JekyllImport.Report again = importer.importSiteWithProgress(site, done -> { });
        assertThat(again.count(Outcome.IMPORTED) + again.count(Outcome.UPDATED)).isZero();
        assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(report.count(Outcome.IMPORTED));
        assertThat(again.settingsApplied()).isEmpty();
        assertThat(again.settingsDiffering()).isEmpty();

        // An edit made here survives a re-import of the unchanged file.
        Post reminder = imported("_posts/2019-03-04-meeting-reminder.md");
        posts.update(reminder.id, reminder.version, reminder.source.replace("The first meeting.",
                "The first meeting, edited in Quire."), null);
        JekyllImport.Report afterEdit = importer.importSiteWithProgress(site, done -> { });
        assertThat(afterEdit.count(Outcome.UPDATED)).isZero();
        assertThat(imported("_posts/2019-03-04-meeting-reminder.md").source).contains("edited in Quire");

        Path edited = site.resolve("_posts/2020-03-02-meeting-reminder.md");
        Files.writeString(edited, Files.readString(edited).replace("another year.", "another year, edited."));
        JekyllImport.Report third = importer.importSiteWithProgress(site, done -> { });
        assertThat(third.posts()).filteredOn(p -> p.outcome() == Outcome.UPDATED).extracting(PostResult::file)
                .containsExactly("_posts/2020-03-02-meeting-reminder.md");
        assertThat(third.count(Outcome.IMPORTED)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Post.count())).isEqualTo(postCount);
        Post updated = imported("_posts/2020-03-02-meeting-reminder.md");
        assertThat(updated.slug).isEqualTo("meeting-reminder-2");
        assertThat(updated.path).isEqualTo("/2020/03/meeting-reminder/");
    }

    @Test
    @Order(8)
    void aDraftPublishedIntoPostsIsTheSamePost() throws Exception {
        long id = imported("_drafts/a-draft.md").id;
        Files.createDirectories(site.resolve("_posts"));
        Files.move(site.resolve("_drafts/a-draft.md"), site.resolve("_posts/2021-02-02-a-draft.md"));
        JekyllImport.Report moved = importer.importSiteWithProgress(site, done -> { });
        assertThat(moved.posts()).filteredOn(p -> p.outcome() == Outcome.UPDATED).extracting(PostResult::file)
                .containsExactly("_posts/2021-02-02-a-draft.md");
        assertThat(moved.count(Outcome.IMPORTED)).isZero();
        Post post = imported("_posts/2021-02-02-a-draft.md");
        assertThat(post.id).isEqualTo(id);
        assertThat(post.slug).isEqualTo("a-draft");
        assertThat(post.status).isEqualTo(PostStatus.PUBLISHED);
        assertThat(post.publishedAt).hasToString("2021-02-02T05:00:00Z");
    }

    @Test
    @Order(9)
    void aLaterImportListsDifferentSettingsAndAppliesThemOnlyWhenAsked() throws Exception {
        Path other = work.resolve("other");
        Files.createDirectories(other.resolve("_posts"));
        Files.writeString(other.resolve("_config.yml"), "title: Another title\n\tbroken: tab indentation\n"
                + "paginate: 7\n");
        Files.writeString(other.resolve("_posts/2021-01-01-from-another-site.md"), "---\ntitle: Another\n---\nText\n");
        JekyllImport.Report listed = importer.importSiteWithProgress(other, done -> { });
        assertThat(listed.siteMessages()).anySatisfy(m -> assertThat(m).startsWith("_config.yml:2:")
                .contains("not read"));
        assertThat(listed.count(Outcome.IMPORTED)).isEqualTo(1);
        assertThat(listed.settingsApplied()).isEmpty();
        assertThat(listed.settingsDiffering()).anySatisfy(d -> assertThat(d).contains("title", "Another title"))
                .anySatisfy(d -> assertThat(d).contains("postsPerPage", "'5' here", "'7'"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Site.get().title)).isEqualTo("Reader cases");

        JekyllImport.Report applied = importer.importSiteWithProgress(other, new JekyllImport.Options(true),
                done -> { });
        assertThat(applied.settingsApplied()).anySatisfy(d -> assertThat(d).contains("title"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Site.get().title)).isEqualTo("Another title");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Site.get().postsPerPage)).isEqualTo(7);
    }

    private static PostResult result(String file) {
        return report.posts().stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
    }

    private static Post imported(String file) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Post post = Post.<Post>find("importSource", file).firstResult();
            assertThat(post).as(file).isNotNull();
            post.authors.size();
            return post;
        });
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
