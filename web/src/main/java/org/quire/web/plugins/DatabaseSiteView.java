package org.quire.web.plugins;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.api.AuthorView;
import org.quire.api.PostView;
import org.quire.api.SiteInfo;
import org.quire.api.SiteView;
import org.quire.api.TagView;
import org.quire.core.site.Tag;
import org.quire.web.publicsite.PublishedSite;
import org.quire.web.publicsite.PublishedSites;
import org.quire.web.site.Site;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The published site as plugins see it: lists from the {@link PublishedSite} read after the latest page drop, and
 * the HTML of only the posts a call returns. Returns only published, undeleted posts.
 */
@ApplicationScoped
public class DatabaseSiteView implements SiteView {

    @Inject
    ObjectMapper json;

    @Inject
    org.quire.web.publicsite.PageCache pages;

    @Inject
    PublishedSites publishedSites;

    /**
     * The site's settings, read again after each page drop: plugins ask while rendering every post, and every
     * settings change drops all pages (after it is committed).
     */
    @Override
    public SiteInfo info() {
        long drops = pages.dropsSoFar();
        ReadInfo known = info;
        if (known != null && known.drops() == drops) {
            return known.info();
        }
        SiteInfo read = QuarkusTransaction.joiningExisting().call(() -> {
            Site site = Site.get();
            return new SiteInfo(site.title, site.description, site.url, site.basePath,
                    Locale.forLanguageTag(site.locale), ZoneId.of(site.timeZone));
        });
        info = new ReadInfo(drops, read);
        return read;
    }

    private record ReadInfo(long drops, SiteInfo info) {
    }

    private volatile ReadInfo info;

    @Override
    public List<PostView> publishedPosts() {
        PublishedSite site = publishedSites.current();
        return views(site, site.posts());
    }

    /** Page drops: every change to what is published drops pages, here and (by signal) on every other instance. */
    @Override
    public long changeCount() {
        return pages.dropsSoFar();
    }

    @Override
    public Optional<PostView> postBySlug(String slug) {
        PublishedSite site = publishedSites.current();
        PublishedSite.Entry post = site.bySlug(slug);
        String html = post == null ? null : site.html(post);
        // No HTML: unpublished since the snapshot was read (the page drop is on its way).
        return html == null ? Optional.empty() : Optional.of(view(site, post, html));
    }

    @Override
    public List<TagView> tags() {
        PublishedSite site = publishedSites.current();
        return site.tags().stream().map(tag -> tagView(site, tag)).toList();
    }

    @Override
    public Optional<TagView> tag(String nameOrUrlForm) {
        String key = Tag.fromUrlForm(nameOrUrlForm).key();
        return tags().stream().filter(t -> t.key().equals(key)).findFirst();
    }

    @Override
    public List<PostView> postsTagged(TagView tag) {
        return postsTagged(tag, 0, Integer.MAX_VALUE);
    }

    /**
     * Posts sharing the most tags with {@code post}, then the newest: counted over its tags' post lists held in
     * memory, rather than a grouped query over the whole site; only the chosen posts' HTML is read.
     */
    @Override
    public List<PostView> relatedPosts(PostView post, int limit) {
        if (limit <= 0 || post.tags().isEmpty()) {
            return List.of();
        }
        long id;
        try {
            id = Long.parseLong(post.id());
        } catch (NumberFormatException e) {
            return List.of();
        }
        PublishedSite site = publishedSites.current();
        PublishedSite.Entry selfEntry = site.byId(id);
        Integer self = selfEntry == null ? null : selfEntry.rank();
        // Each tag's ranks are sorted, newest first: merging them visits, in rank order, only the posts that share
        // a tag, each once with the number of lists it is in. An array as long as the site, filled and scanned for
        // every post page, was a tenth of what an export's page threads allocated at 10,000 posts.
        int[][] lists = post.tags().stream().map(tag -> site.ranksTagged(tag.key())).filter(ranks -> ranks.length > 0)
                .toArray(int[][]::new);
        int tagged = lists.length;
        int[] next = new int[tagged];
        List<List<Integer>> byShared = new ArrayList<>();
        for (int i = 0; i <= tagged; i++) {
            byShared.add(new ArrayList<>());
        }
        while (true) {
            int rank = Integer.MAX_VALUE;
            for (int list = 0; list < tagged; list++) {
                if (next[list] < lists[list].length) {
                    rank = Math.min(rank, lists[list][next[list]]);
                }
            }
            if (rank == Integer.MAX_VALUE) {
                break;
            }
            int count = 0;
            for (int list = 0; list < tagged; list++) {
                if (next[list] < lists[list].length && lists[list][next[list]] == rank) {
                    count++;
                    next[list]++;
                }
            }
            if ((self == null || rank != self) && byShared.get(count).size() < limit) {
                byShared.get(count).add(rank);
                if (count == tagged && byShared.get(count).size() == limit) {
                    break; // nothing older can share more
                }
            }
        }
        List<PublishedSite.Entry> chosen = new ArrayList<>();
        for (int count = tagged; count > 0 && chosen.size() < limit; count--) {
            for (int rank : byShared.get(count)) {
                if (chosen.size() < limit) {
                    chosen.add(site.posts().get(rank));
                }
            }
        }
        return views(site, chosen);
    }

    @Override
    public List<String> categories() {
        return publishedSites.current().categories();
    }

    @Override
    public List<PostView> publishedPosts(int offset, int limit) {
        PublishedSite site = publishedSites.current();
        return views(site, site.page(offset, limit));
    }

    @Override
    public List<PostView> postsTagged(TagView tag, int offset, int limit) {
        PublishedSite site = publishedSites.current();
        return views(site, site.page(site.ranksTagged(tag.key()), offset, limit));
    }

    @Override
    public List<PostView> postsInCategory(String category, int offset, int limit) {
        PublishedSite site = publishedSites.current();
        return views(site, site.page(site.ranksInCategory(category), offset, limit));
    }

    @Override
    public int postCountInCategory(String category) {
        return publishedSites.current().ranksInCategory(category).length;
    }

    @Override
    public List<PostView> postsBy(String authorHandle, int offset, int limit) {
        PublishedSite site = publishedSites.current();
        return views(site, site.page(site.ranksBy(authorHandle.trim().toLowerCase(Locale.ROOT)), offset, limit));
    }

    @Override
    public List<PostView> postsInCategory(String category) {
        return postsInCategory(category, 0, Integer.MAX_VALUE);
    }

    @Override
    public List<PostView> postsBy(String authorHandle) {
        return postsBy(authorHandle, 0, Integer.MAX_VALUE);
    }

    @Override
    public List<AuthorView> authors() {
        return publishedSites.current().authors().stream().map(DatabaseSiteView::author).toList();
    }

    /** A published post as plugins see it, given its HTML (which the snapshot does not hold). */
    public PostView view(PublishedSite.Entry post, String html) {
        return view(publishedSites.current(), post, html);
    }

    /**
     * A post as plugins see it, from its entity (as committed), in the caller's transaction. Its tags' counts of
     * published posts are counted as committed too, not taken from the published-site snapshot: an event comes right
     * after its commit, when the snapshot is about to be dropped, and reading all of it again for one post's tag
     * counts made a bulk import read every published post after every few imported ones.
     */
    public PostView view(org.quire.web.content.Post post) {
        Map<Long, Long> counts = org.quire.web.content.TagService.publishedPostsCarrying(
                post.tags.stream().map(tag -> tag.id).toList());
        return new PostView(String.valueOf(post.id), post.slug, post.title, post.path,
                post.publishedAt == null ? null : post.publishedAt.atOffset(ZoneOffset.UTC),
                post.updatedAt.atOffset(ZoneOffset.UTC), post.description, post.excerptHtml, post.html,
                post.category, post.tags.stream().map(tag -> new TagView(tag.name, tag.key, tag.urlForm,
                        counts.getOrDefault(tag.id, 0L).intValue(), tag.description, tag.coverPath)).toList(),
                post.authors.stream().map(a -> new AuthorView(a.handle, a.displayName, a.bio == null ? "" : a.bio,
                        a.avatarPath)).toList(), extra(post.extraJson));
    }

    private List<PostView> views(PublishedSite site, List<PublishedSite.Entry> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        Map<Long, String> html = site.html(posts);
        // A post unpublished since the snapshot was read has no HTML to show: it is left out, as a query would.
        return posts.stream().filter(post -> html.containsKey(post.id()))
                .map(post -> view(site, post, html.get(post.id()))).toList();
    }

    private Map<String, Object> extra(String extraJson) {
        Map<String, Object> extra;
        try {
            extra = json.readValue(extraJson, new TypeReference<Map<String, Object>>() {
            });
        } catch (Exception e) {
            extra = new java.util.HashMap<>();
        }
        extra.values().removeIf(java.util.Objects::isNull);
        return extra;
    }

    private PostView view(PublishedSite site, PublishedSite.Entry post, String html) {
        Map<String, Object> extra = extra(post.extraJson());
        return new PostView(String.valueOf(post.id()), post.slug(), post.title(), post.path(),
                post.publishedAt() == null ? null : post.publishedAt().atOffset(ZoneOffset.UTC),
                post.updatedAt().atOffset(ZoneOffset.UTC), post.description(), post.excerptHtml(), html,
                post.category(), post.tags().stream().map(tag -> tagView(site, tag)).toList(),
                post.authors().stream().map(DatabaseSiteView::author).toList(), extra);
    }

    private static TagView tagView(PublishedSite site, PublishedSite.Tag tag) {
        return new TagView(tag.name(), tag.key(), tag.urlForm(), site.postCount(tag), tag.description(),
                tag.coverPath());
    }

    private static AuthorView author(PublishedSite.Author author) {
        return new AuthorView(author.handle(), author.displayName(), author.bio() == null ? "" : author.bio(),
                author.avatarPath());
    }
}
