package org.quire.web.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a post's references name, through every way a Jekyll site writes them. */
class SiteFilesTest {

    @TempDir
    Path root;

    private SiteFiles files() throws Exception {
        Files.createDirectories(root.resolve("assets"));
        Files.write(root.resolve("assets/a.png"), new byte[] {1});
        Files.write(root.resolve("assets/b.pdf"), new byte[] {1});
        return new SiteFiles(root, "/blog", "https://example.org", Map.of("url", "https://example.org", "baseurl",
                "/blog", "cdn", "https://example.org/blog/assets"));
    }

    @Test
    void siteVariablesUrlFiltersAndRelativePathsNameTheSiteFiles() throws Exception {
        SiteFiles.Found found = files().find("""
                ![one]({{ site.url }}{{ site.baseurl }}/assets/a.png)
                <img src="{{ '/assets/a.png' | relative_url }}"> <a href='{{ "assets/b.pdf" | absolute_url }}'>b</a>
                ![cdn]({{ site.cdn }}/a.png) ![up](../assets/a.png)
                """, "_posts/2020-01-01-x.md", "/blog/2020/01/01/x.html");
        assertThat(found.unresolved()).isEmpty();
        assertThat(found.references()).extracting(SiteFiles.Reference::file).containsOnly("assets/a.png",
                "assets/b.pdf");
        assertThat(found.references()).hasSize(5);
    }

    @Test
    void missingFilesAndUnsetVariablesAreReportedWithTheirLineButLinksToPagesAreNot() throws Exception {
        SiteFiles.Found found = files().find("""
                [a post]({% post_url 2019-01-01-other %}) [a page](/about/) [elsewhere](https://other.org/x.png)

                ![gone](/assets/gone.png) [slides](/assets/gone.pdf) ![unset]({{ site.nowhere }}/x.png)
                """, "_posts/2020-01-01-x.md", "/blog/2020/01/01/x.html");
        assertThat(found.references()).isEmpty();
        assertThat(found.unresolved()).extracting(SiteFiles.Unresolved::line).containsOnly(3);
        assertThat(found.unresolved()).extracting(SiteFiles.Unresolved::written).containsExactly(
                "/assets/gone.png", "/assets/gone.pdf", "{{ site.nowhere }}/x.png");
        assertThat(found.unresolved().get(2).why()).contains("site.nowhere is not set");
    }
}
