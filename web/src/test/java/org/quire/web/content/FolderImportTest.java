package org.quire.web.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FolderImportTest extends DatabaseTest {


    @Inject
    FolderImport folderImport;

    @Test
    void storesEveryPostOfAJekyllFolderOnceWithItsDatesAndSlugs() {
        Path corpus = Path.of(System.getProperty("quire.shared.dir"), "corpora", "jekyll-news");
        int first = folderImport.importFolder(corpus);
        int second = folderImport.importFolder(corpus);
        assertThat(first).isEqualTo(102);
        assertThat(second).isZero();
        QuarkusTransaction.requiringNew().run(() -> {
            Post post = Post.findBySlug("jekyll-4-3-2-released").orElseThrow();
            assertThat(post.publishedAt).hasToString("2023-01-20T17:30:00Z");
            assertThat(post.isPublic()).isTrue();
        });
    }

    @Test
    void aFolderWithoutPostsIsRefusedNamingIt() {
        assertThatThrownBy(() -> folderImport.importFolder(Path.of("/nonexistent-site")))
                .hasMessageContaining("/nonexistent-site").hasMessageContaining("_posts");
    }
}
