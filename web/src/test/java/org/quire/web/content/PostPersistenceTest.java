package org.quire.web.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.StaleObjectStateException;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseProduct;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Account;
import org.quire.web.accounts.Role;
import org.quire.web.content.ContentException.Reason;
import org.quire.web.site.Site;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Storage of posts on the configured database: H2 here, PostgreSQL and MariaDB in the integration profile. */
@QuarkusTest
class PostPersistenceTest extends DatabaseTest {

    @Inject
    Flyway flyway;

    @Inject
    PostService posts;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void runsOnTheExpectedDatabaseWithEveryMigrationApplied() throws Exception {
        DatabaseProduct.assertRunningOnExpected(dataSource);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("12");
    }

    @Test
    void firstRunCreatedTheSiteTheAdministratorAndASamplePost() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Site.get().postsPerPage).isPositive();
            Account admin = Account.findByHandle("admin").orElseThrow();
            assertThat(admin.role).isEqualTo(Role.ADMINISTRATOR);
            assertThat(admin.passwordHash).startsWith("$2");
            Post welcome = Post.findBySlug("welcome-to-quire").orElseThrow();
            assertThat(welcome.isPublic()).isTrue();
            assertThat(welcome.html).contains("<h2 id=\"writing\">Writing</h2>", "<pre><code class=\"language-java\">");
            assertThat(welcome.tags).extracting(t -> t.name).containsExactly("Quire", "入门");
        });
    }

    @Test
    void theSeedPostIsStoredWithEverythingTheEngineMadeOfIt() throws Exception {
        String seed = Files.readString(Path.of(System.getProperty("quire.shared.dir"), "seed",
                "2017-12-29-aws-reinvent.md"), StandardCharsets.UTF_8);
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            Post.findBySlug("aws-reinvent").ifPresent(p -> p.delete());
            return posts.create(seed, "2017-12-29-aws-reinvent.md", PostStatus.PUBLISHED,
                    Account.findByHandle("admin").orElseThrow()).post().id;
        });
        QuarkusTransaction.requiringNew().run(() -> {
            Post post = Post.findById(id);
            assertThat(post.title).isEqualTo("Review of AWS re:invent");
            assertThat(post.category).isEqualTo("articles");
            assertThat(post.tags).extracting(t -> t.name).containsExactly("AWS");
            assertThat(post.source).isEqualTo(seed);
            assertThat(post.html).contains("<h2 id=\"总结\">总结</h2>");
            assertThat(post.readingMinutes).isBetween(3, 8);
            assertThat(post.publishedAt).hasToString("2017-12-29T00:00:00Z");
            assertThat(post.path).isEqualTo("/2017/12/aws-reinvent/");
            assertThat(Revision.count("post", post)).isEqualTo(1);
            assertThat(post.tocJson).contains("\"id\":\"总结\"");
        });
    }

    @Test
    void longCustomFrontMatterValuesAreKept() {
        String slug = unique("long-values");
        String longValue = "长".repeat(100_000);
        Long id = QuarkusTransaction.requiringNew().call(() -> posts.create("---\ntitle: Long\nslug: " + slug
                + "\nnotes: " + longValue + "\n---\nBody\n", null, PostStatus.DRAFT, null).post().id);
        QuarkusTransaction.requiringNew().run(() -> {
            Post post = Post.findById(id);
            assertThat(post.extraJson).contains(longValue);
            assertThat(post.source).contains(longValue);
        });
    }

    @Test
    void aStaleEditIsRefusedNamingTheVersion() {
        String slug = unique("stale");
        Post created = QuarkusTransaction.requiringNew().call(() ->
                posts.create("---\ntitle: Stale\nslug: " + slug + "\n---\nOne\n", null, PostStatus.DRAFT, null).post());
        QuarkusTransaction.requiringNew().run(() ->
                posts.update(created.id, created.version, "---\ntitle: Stale\nslug: " + slug + "\n---\nTwo\n", null));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                posts.update(created.id, created.version, "---\ntitle: Stale\nslug: " + slug + "\n---\nThree\n", null)))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STALE);
                    assertThat(e.field()).isEqualTo("version");
                });
        QuarkusTransaction.requiringNew().run(() -> {
            Post post = Post.findById(created.id);
            assertThat(post.source).contains("Two");
            assertThat(Revision.count("post", post)).isEqualTo(2);
        });
    }

    @Test
    void concurrentWritesOfOnePostCannotBothWin() {
        String slug = unique("race");
        Long id = QuarkusTransaction.requiringNew().call(() ->
                posts.create("---\ntitle: Race\nslug: " + slug + "\n---\nx\n", null, PostStatus.DRAFT, null).post().id);
        Post first = QuarkusTransaction.requiringNew().call(() -> Post.findById(id));
        QuarkusTransaction.requiringNew().run(() -> {
            Post fresh = Post.findById(id);
            fresh.title = "Changed elsewhere";
        });
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            first.title = "Changed here";
            Post.getEntityManager().merge(first);
        })).hasRootCauseInstanceOf(StaleObjectStateException.class);
    }

    @Test
    void tagsAreOneRowPerIdentityWhateverTheCaseOrScript() {
        String cjk = unique("云计算");
        QuarkusTransaction.requiringNew().run(() -> {
            posts.create("---\ntitle: A\nslug: " + unique("a") + "\ntags: [Nova, " + cjk + ", Linux initramfs]\n---\n",
                    null, PostStatus.DRAFT, null);
            posts.create("---\ntitle: B\nslug: " + unique("b") + "\ntags: [nova, " + cjk.toUpperCase() + ", linux  INITRAMFS]\n---\n",
                    null, PostStatus.DRAFT, null);
        });
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(TagEntity.count("key", "nova")).isEqualTo(1);
            assertThat(TagEntity.count("key", cjk.toLowerCase())).isEqualTo(1);
            TagEntity stored = TagEntity.find("key", cjk.toLowerCase()).firstResult();
            assertThat(stored.name).isEqualTo(cjk);
            assertThat(TagEntity.count("key", "linux initramfs")).isEqualTo(1);
        });
    }

    @Test
    void theDatabaseItselfRefusesADuplicateTagKey() {
        String key = unique("dup");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 2; i++) {
                TagEntity tag = new TagEntity();
                tag.key = key;
                tag.name = key;
                tag.urlForm = key;
                tag.persistAndFlush();
            }
        })).satisfies(e -> {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            assertThat(trace.toString().toLowerCase()).contains("uk_tag_key");
        });
        QuarkusTransaction.requiringNew().run(() -> assertThat(TagEntity.count("key", key)).isZero());
    }

    @Test
    void keysThatDifferOnlyByAccentOrTrailingSpaceAreDistinct() {
        String base = unique("cafe");
        QuarkusTransaction.requiringNew().run(() -> {
            posts.create("---\ntitle: C\nslug: " + unique("c") + "\ntags: [\"" + base + "\", \"" + base.replace("cafe", "café")
                    + "\"]\n---\n", null, PostStatus.DRAFT, null);
        });
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(TagEntity.count("key", base)).isEqualTo(1);
            assertThat(TagEntity.count("key", base.replace("cafe", "café"))).isEqualTo(1);
        });
    }

    @Test
    void aTakenSlugIsRefusedNamingTheField() {
        String slug = unique("taken");
        QuarkusTransaction.requiringNew().run(() ->
                posts.create("---\ntitle: One\nslug: " + slug + "\n---\n", null, PostStatus.DRAFT, null));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                posts.create("---\ntitle: Two\nslug: " + slug + "\n---\n", null, PostStatus.DRAFT, null)))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
                    assertThat(e.field()).isEqualTo("slug");
                    assertThat(e.getMessage()).contains("'" + slug + "'", "'One'");
                });
    }

    @Test
    void aPublishedPostWhosePathChangesLeavesARedirect() {
        String slug = unique("moving");
        Post created = QuarkusTransaction.requiringNew().call(() -> posts.create(
                "---\ntitle: Moving\nslug: " + slug + "\ndate: 2020-05-01\nredirect_from: [/old/" + slug + "/]\n---\n",
                null, PostStatus.PUBLISHED, null).post());
        String oldPath = created.path;
        QuarkusTransaction.requiringNew().run(() -> posts.update(created.id, created.version,
                "---\ntitle: Moving\nslug: " + slug + "-new\ndate: 2020-05-01\n---\n", null));
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Redirect.findByPath(oldPath)).hasValueSatisfying(r -> assertThat(r.post.id).isEqualTo(created.id));
            assertThat(Redirect.findByPath("/old/" + slug + "/")).isPresent();
            assertThat(Post.<Post>findById(created.id).path).isEqualTo("/2020/05/" + slug + "-new/");
        });
    }

    @Test
    void publishedPostsPageNewestFirst() {
        String tag = unique("paging");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int day = 1; day <= 25; day++) {
                posts.create("---\ntitle: Day " + day + "\nslug: " + tag + "-" + day + "\ndate: 2019-03-"
                        + String.format("%02d", day) + "\ntags: [" + tag + "]\n---\n", null, PostStatus.PUBLISHED, null);
            }
        });
        QuarkusTransaction.requiringNew().run(() -> {
            TagEntity pagingTag = TagEntity.find("key", tag).firstResult();
            List<Post> second = Post.<Post>find("select p from Post p join p.tags t where t = ?1 and p.status = ?2"
                            + " order by p.publishedAt desc, p.id desc", pagingTag, PostStatus.PUBLISHED)
                    .page(1, 10).list();
            assertThat(second).extracting(p -> p.title).containsExactly("Day 15", "Day 14", "Day 13", "Day 12",
                    "Day 11", "Day 10", "Day 9", "Day 8", "Day 7", "Day 6");
            assertThat(Post.count("select count(p) from Post p join p.tags t where t = ?1", pagingTag)).isEqualTo(25);
        });
    }
}
