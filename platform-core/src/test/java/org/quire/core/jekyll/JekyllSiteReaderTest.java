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
}
