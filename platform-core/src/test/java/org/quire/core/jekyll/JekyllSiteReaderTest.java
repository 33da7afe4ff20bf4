package org.quire.core.jekyll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.quire.core.SharedFiles;

class JekyllSiteReaderTest {

    private final JekyllSiteReader reader = new JekyllSiteReader();

    @Test
    void readsThe18fSiteWithItsAuthorCollection() throws Exception {
        JekyllSite site = reader.read(SharedFiles.corpus("18f"));
        assertThat(site.posts()).hasSize(505);
        assertThat(site.authors()).hasSize(344);
        assertThat(site.authors().get("18F").name()).isEqualTo("18F");
        assertThat(site.settings().permalink().template()).isEqualTo("/:categories/:year/:month/:day/:title/");
        assertThat(site.settings().timeZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(site.settings().url()).isEqualTo("https://18f.gsa.gov");
    }

    @Test
    void readsJekyllNewsWithItsCollectionPermalinkAndZone() throws Exception {
        JekyllSite site = reader.read(SharedFiles.corpus("jekyll-news"));
        assertThat(site.posts()).hasSize(102);
        assertThat(site.settings().permalink().template()).isEqualTo("/news/:year/:month/:day/:title/");
        assertThat(site.settings().timeZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(site.settings().config()).containsEntry("repository", "https://github.com/jekyll/jekyll");
    }

    @Test
    void aFolderWithoutPostsIsRefusedNamingIt() {
        assertThatThrownBy(() -> reader.read(Path.of("/no/such/site"))).hasMessageContaining("/no/such/site");
    }

    @Test
    void saysWhyEachFileUnderAPostFolderIsNotAPost() throws Exception {
        JekyllSite site = reader.read(Path.of("src/test/resources/jekyll-sites/reader-cases"));
        java.util.Map<String, String> why = new java.util.TreeMap<>();
        site.notPosts().forEach(n -> why.put(n.path(), n.reason()));
        assertThat(why).containsOnlyKeys("_posts/readme.md", "_posts/_underscore.md", "_posts/2017-01-03-backup.md~",
                "_posts/.2017-01-04-hidden.md", "_posts/_private/2017-01-02-in-an-underscore-folder.md",
                "_posts/2017-09-09-plain-notes.txt", "_posts/2017-08-08-not-utf8.md",
                "old/_posts/2015-01-01-excluded.md", "_old_theme/_posts/2015-02-02-in-a-special-folder.md");
        assertThat(why.get("_posts/readme.md")).contains("does not start with a date");
        assertThat(why.get("_posts/2017-09-09-plain-notes.txt")).contains(".txt file, which Jekyll publishes");
        assertThat(why.get("_posts/2017-08-08-not-utf8.md")).contains("not UTF-8").contains("line 4");
        assertThat(why.get("old/_posts/2015-01-01-excluded.md")).contains("excludes the folder old");
        assertThat(why.get("_posts/2017-01-03-backup.md~")).contains("ends with '~'");
        assertThat(site.posts()).extracting(p -> p.name()).contains("_posts/2018-05-05-upper-case.MD",
                "news/_posts/2017-02-02-in-news.md", "en/news/_posts/2017-03-03-hello.md",
                "zh_cn/news/_posts/2017-03-03-hello.md", "_posts/nested/2017-01-01-in-a-subfolder.md");
        assertThat(site.drafts()).extracting(p -> p.name()).containsExactly("_drafts/a-draft.md");
        assertThat(site.diagnostics()).isEmpty();
        assertThat(site.settings().title()).isEqualTo("Reader cases");
        assertThat(site.settings().basePath()).isEqualTo("/blog");
    }

    @Test
    void theFoldersAbovePostsBecomeCategoriesAsInJekyll() {
        assertThat(org.quire.core.source.PostReader.categoriesFromPath("en/news/_posts/2017-03-03-hello.md"))
                .containsExactly("en", "news");
        assertThat(org.quire.core.source.PostReader.categoriesFromPath("_posts/es/2017-03-03-hola.md")).isEmpty();
        assertThat(org.quire.core.source.PostReader.categoriesFromPath("fr/_drafts/bonjour.md")).containsExactly("fr");
    }

    @Test
    void aBrokenConfigLineIsNamedAndTheRestOfTheSiteIsRead(@org.junit.jupiter.api.io.TempDir Path root)
            throws Exception {
        java.nio.file.Files.writeString(root.resolve("_config.yml"), """
                title: Still read
                description: Re: a colon that YAML refuses
                timezone: Mars/Olympus
                url: https://example.org
                permalink: /:year/:title/
                """);
        java.nio.file.Files.createDirectories(root.resolve("_posts"));
        java.nio.file.Files.writeString(root.resolve("_posts/2020-01-02-a-post.md"), "---\ntitle: A post\n---\nText\n");
        JekyllSite site = reader.read(root);
        assertThat(site.posts()).hasSize(1);
        assertThat(site.settings().title()).isEqualTo("Still read");
        assertThat(site.settings().url()).isEqualTo("https://example.org");
        assertThat(site.settings().permalink().template()).isEqualTo("/:year/:title/");
        assertThat(site.settings().timeZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(site.diagnostics()).extracting(d -> d.source() + ":" + d.line()).containsExactly("_config.yml:2",
                "_config.yml:3");
        assertThat(site.diagnostics().get(0).message()).contains("'description' is not read")
                .contains("mapping values are not allowed");
        assertThat(site.diagnostics().get(1).message()).contains("Mars/Olympus");
    }
}
