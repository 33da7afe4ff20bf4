package org.quire.web.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quire.core.source.PostFileName;
import org.quire.web.accounts.Account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the posts of a Jekyll folder ({@code <dir>/_posts/**.md|markdown|html}) at start, when
 * {@code quire.import.posts-dir} is set: each post not yet stored (by slug) is stored and published, with the
 * file's date and slug, through {@link PostService}. Posts already there are left alone, so a restart does
 * nothing twice. It is the seed loader for demos and benchmarks; the full Jekyll import (authors, media, old URLs,
 * a report per post) is issue #11.
 */
@ApplicationScoped
public class FolderImport {

    private static final Logger LOG = Logger.getLogger(FolderImport.class);

    @ConfigProperty(name = "quire.import.posts-dir")
    Optional<String> postsDir;

    @Inject
    PostService posts;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        postsDir.filter(dir -> !dir.isBlank()).ifPresent(dir -> importFolder(Path.of(dir)));
    }

    /** @return how many posts were stored */
    public int importFolder(Path root) {
        Path postsFolder = root.resolve("_posts");
        if (!Files.isDirectory(postsFolder)) {
            throw new IllegalArgumentException("quire.import.posts-dir=" + root + " has no _posts folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(postsFolder)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(md|markdown|html)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Account admin = QuarkusTransaction.requiringNew().call(() -> Account.findByHandle("admin").orElse(null));
        int stored = 0;
        int failed = 0;
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String slug = PostFileName.of(fileName).slug();
            if (QuarkusTransaction.requiringNew().call(() -> Post.findBySlug(slug).isPresent())) {
                continue;
            }
            try {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                PostService.Saved saved = posts.create(source, fileName, PostStatus.PUBLISHED, admin);
                posts.publish(saved.post().id);
                stored++;
            } catch (IOException | RuntimeException e) {
                failed++;
                LOG.warnf("Import of %s failed: %s", file, e.getMessage());
            }
        }
        LOG.infof("Imported %d posts from %s (%d already there, %d failed)", stored, postsFolder,
                files.size() - stored - failed, failed);
        return stored;
    }
}
