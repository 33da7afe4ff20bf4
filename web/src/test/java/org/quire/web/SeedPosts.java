package org.quire.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.quire.web.accounts.Account;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Stores the seed post through the service layer, once per database. */
public final class SeedPosts {

    private SeedPosts() {
    }

    public static String source() {
        try {
            return Files.readString(Path.of(System.getProperty("quire.shared.dir"), "seed", "2017-12-29-aws-reinvent.md"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed post, published, at its permalink; created if this database does not have it yet. */
    public static Post publish(PostService posts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Post existing = Post.findBySlug("aws-reinvent").orElse(null);
            if (existing != null) {
                return existing;
            }
            Post post = posts.create(source(), "2017-12-29-aws-reinvent.md", PostStatus.PUBLISHED,
                    Account.findByHandle("admin").orElseThrow()).post();
            return posts.publish(post.id);
        });
    }
}
