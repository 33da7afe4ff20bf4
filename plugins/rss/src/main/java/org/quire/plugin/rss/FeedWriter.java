package org.quire.plugin.rss;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.quire.api.AuthorView;
import org.quire.api.Page;
import org.quire.api.PluginContext;
import org.quire.api.PostView;
import org.quire.api.SiteInfo;
import org.quire.api.TagView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * Writes a feed in any of the three formats: RSS and Atom with Rome, JSON Feed 1.1 with Jackson; never by string
 * concatenation. Every text passes {@link #xmlSafe} first, so a character XML forbids cannot break a feed; links and
 * images in content are made absolute from the site URL, so they work in any reader.
 */
final class FeedWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PluginContext context;

    FeedWriter(PluginContext context) {
        this.context = context;
    }

    /** What a post gives every feed it is in; {@code html} only when feeds carry full content. */
    private record Prepared(String html, String excerpt, String summary, java.util.Optional<String> cover) {
    }

    /** The site's state a post was prepared in: its change count, read before the post. */
    private record PreparedKey(String postId, java.time.OffsetDateTime updated, String siteUrl, long changes,
                               boolean fullContent) {
    }

    /**
     * Posts prepared for feeds: a post is in several feeds (the site's, its tags', its category's, its authors',
     * in three formats), and parsing its HTML is most of a feed's cost. Keyed by the site's change count, so a
     * post prepared before a change is never found after it; emptied when the count moves, or when it grows past
     * many feeds' worth.
     */
    private final Map<PreparedKey, Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long preparedAt = -1;

    Page write(FeedSource source, FeedFormat format) {
        long changes = context.site().changeCount();
        SiteInfo site = context.site().info();
        int limit = Math.max(1, context.settings().getInt(FeedsPlugin.ITEMS));
        boolean fullContent = context.settings().getBoolean(FeedsPlugin.FULL_CONTENT);
        List<PostView> posts = source.newest().apply(limit);
        if (changes != preparedAt || prepared.size() > 4096) {
            // Keys of an older count are never asked for again.
            prepared.clear();
            preparedAt = changes;
        }
        List<Prepared> ready = posts.stream().map(post -> prepared.computeIfAbsent(
                new PreparedKey(post.id(), post.updated(), site.url(), changes, fullContent),
                key -> prepare(site, post, fullContent))).toList();
        byte[] body = switch (format) {
            case RSS, ATOM -> syndication(site, source, posts, ready, fullContent, format);
            case JSON -> jsonFeed(site, source, posts, ready, fullContent);
        };
        return new Page(format.contentType, body);
    }

    private static Prepared prepare(SiteInfo site, PostView post, boolean fullContent) {
        return new Prepared(fullContent ? xmlSafe(absolute(site, post.html())) : null,
                xmlSafe(absolute(site, post.excerptHtml())), xmlSafe(Jsoup.parse(post.excerptHtml()).text()),
                cover(site, post));
    }

    private byte[] syndication(SiteInfo site, FeedSource source, List<PostView> posts, List<Prepared> ready,
                               boolean fullContent,
                               FeedFormat format) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format == FeedFormat.RSS ? "rss_2.0" : "atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setTitle(xmlSafe(source.title()));
        feed.setDescription(xmlSafe(source.description().isBlank() ? source.title() : source.description()));
        feed.setLink(site.absoluteUrl(source.pagePath()));
        feed.setUri(site.absoluteUrl(source.selfPath()));
        feed.setLanguage(site.locale().toLanguageTag());
        feed.setPublishedDate(date(newest(posts)));
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(site.absoluteUrl(source.selfPath()));
        self.setType(format.contentType.substring(0, format.contentType.indexOf(';')));
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(site.absoluteUrl(source.pagePath()));
        feed.setLinks(List.of(alternate, self));
        if (format == FeedFormat.ATOM) {
            SyndPerson author = new SyndPersonImpl();
            author.setName(xmlSafe(site.title()));
            feed.setAuthors(List.of(author));
        }

        List<SyndEntry> entries = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            PostView post = posts.get(i);
            Prepared parts = ready.get(i);
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(xmlSafe(post.title()));
            entry.setLink(site.absoluteUrl(post.path()));
            entry.setUri(entryId(site, post));
            entry.setPublishedDate(date(post.published()));
            entry.setUpdatedDate(date(post.updated() != null ? post.updated() : post.published()));
            List<SyndPerson> authors = new ArrayList<>();
            for (AuthorView author : post.authors()) {
                SyndPerson person = new SyndPersonImpl();
                person.setName(xmlSafe(author.displayName()));
                person.setUri(site.absoluteUrl("/authors/" + author.handle() + "/"));
                authors.add(person);
            }
            entry.setAuthors(authors);
            if (!authors.isEmpty()) {
                entry.setAuthor(authors.get(0).getName());
            }
            List<SyndCategory> categories = new ArrayList<>();
            if (post.category() != null) {
                categories.add(category(post.category()));
            }
            for (TagView tag : post.tags()) {
                categories.add(category(tag.name()));
            }
            entry.setCategories(categories);
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/html");
            summary.setValue(parts.excerpt());
            entry.setDescription(summary);
            if (fullContent) {
                SyndContent content = new SyndContentImpl();
                content.setType("html");
                content.setValue(parts.html());
                entry.setContents(List.of(content));
            }
            parts.cover().ifPresent(url -> {
                SyndEnclosure enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(url);
                enclosure.setType(imageType(url));
                enclosure.setLength(0);
                entry.setEnclosures(List.of(enclosure));
            });
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the " + format + " feed " + source.selfPath() + ": " + e, e);
        }
    }

    private byte[] jsonFeed(SiteInfo site, FeedSource source, List<PostView> posts, List<Prepared> ready,
                            boolean fullContent) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", xmlSafe(source.title()));
        feed.put("home_page_url", site.absoluteUrl(source.pagePath()));
        feed.put("feed_url", site.absoluteUrl(source.selfPath()));
        if (!source.description().isBlank()) {
            feed.put("description", xmlSafe(source.description()));
        }
        feed.put("language", site.locale().toLanguageTag());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            PostView post = posts.get(i);
            Prepared parts = ready.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", entryId(site, post));
            item.put("url", site.absoluteUrl(post.path()));
            item.put("title", xmlSafe(post.title()));
            item.put("content_html", fullContent ? parts.html() : parts.excerpt());
            item.put("summary", parts.summary());
            parts.cover().ifPresent(url -> item.put("image", url));
            item.put("date_published", iso(post.published()));
            item.put("date_modified", iso(post.updated() != null ? post.updated() : post.published()));
            // Ordered: Map.of's order changes between JVMs, and a feed must be the same bytes from every instance.
            item.put("authors", post.authors().stream().map(a -> {
                Map<String, Object> author = new LinkedHashMap<>();
                author.put("name", xmlSafe(a.displayName()));
                author.put("url", site.absoluteUrl("/authors/" + a.handle() + "/"));
                return author;
            }).toList());
            List<String> tags = new ArrayList<>();
            if (post.category() != null) {
                tags.add(xmlSafe(post.category()));
            }
            post.tags().forEach(t -> tags.add(xmlSafe(t.name())));
            item.put("tags", tags);
            items.add(item);
        }
        feed.put("items", items);
        try {
            return JSON.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the JSON feed " + source.selfPath(), e);
        }
    }

    /**
     * A stable id that survives a changed slug or site URL path: a {@code tag:} URI (RFC 4151) of the site's host
     * and the post's id.
     */
    static String entryId(SiteInfo site, PostView post) {
        String host;
        try {
            host = URI.create(site.url()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        String date = post.published() == null ? "2000" : post.published().toLocalDate().toString();
        return "tag:" + (host == null ? "localhost" : host) + "," + date + ":post/" + post.id();
    }

    /** The width a feed reader's column is likely to show an image at: the variant to point feeds to. */
    static final int FEED_IMAGE_WIDTH = 960;

    /**
     * Links and images made absolute from the site URL, so they work wherever the feed is read. An image with
     * smaller copies ({@code srcset}) points to the one that suits a reader's column, and loses the page-only hints
     * ({@code srcset}, {@code sizes}, {@code loading}, {@code decoding}) that readers handle badly.
     */
    static String absolute(SiteInfo site, String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html, site.url() + "/");
        document.outputSettings().prettyPrint(false);
        for (Element image : document.select("img[srcset]")) {
            feedCandidate(image.attr("srcset")).ifPresent(src -> image.attr("src", src));
            image.removeAttr("srcset").removeAttr("sizes").removeAttr("loading").removeAttr("decoding");
        }
        for (Element element : document.select("[href], [src]")) {
            for (String attribute : List.of("href", "src")) {
                String value = element.attr(attribute);
                if (value.startsWith("/") && !value.startsWith("//")) {
                    element.attr(attribute, site.url() + value);
                }
            }
        }
        return document.body().html();
    }

    /**
     * The srcset candidate for a feed: the widest at or below {@link #FEED_IMAGE_WIDTH}, else the narrowest;
     * empty when the srcset has no width descriptors to choose by.
     */
    static java.util.Optional<String> feedCandidate(String srcset) {
        String best = null;
        int bestWidth = 0;
        String narrowest = null;
        int narrowestWidth = Integer.MAX_VALUE;
        for (String candidate : srcset.split(",")) {
            String[] parts = candidate.strip().split("\\s+");
            if (parts.length != 2 || !parts[1].matches("[0-9]{1,6}w")) {
                continue;
            }
            int width = Integer.parseInt(parts[1].substring(0, parts[1].length() - 1));
            if (width <= FEED_IMAGE_WIDTH && width > bestWidth) {
                best = parts[0];
                bestWidth = width;
            }
            if (width < narrowestWidth) {
                narrowest = parts[0];
                narrowestWidth = width;
            }
        }
        return java.util.Optional.ofNullable(best != null ? best : narrowest);
    }

    /** A cover image: the front matter's {@code image} or {@code cover}, else the post's first image. */
    private static java.util.Optional<String> cover(SiteInfo site, PostView post) {
        for (String key : List.of("image", "cover")) {
            Object value = post.extra().get(key);
            if (value instanceof String path && !path.isBlank()) {
                return java.util.Optional.of(path.startsWith("/") ? site.url() + path : path);
            }
        }
        Element image = Jsoup.parseBodyFragment(post.html()).selectFirst("img[src]");
        if (image == null) {
            return java.util.Optional.empty();
        }
        String src = image.attr("src");
        return src.startsWith("/") && !src.startsWith("//") ? java.util.Optional.of(site.url() + src)
                : src.startsWith("http") ? java.util.Optional.of(src) : java.util.Optional.empty();
    }

    private static String imageType(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".gif")) {
            return "image/gif";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "image/jpeg";
    }

    private static SyndCategory category(String name) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(xmlSafe(name));
        return category;
    }

    private static OffsetDateTime newest(List<PostView> posts) {
        return posts.stream().map(p -> p.updated() != null ? p.updated() : p.published())
                .filter(java.util.Objects::nonNull).max(OffsetDateTime::compareTo).orElse(null);
    }

    private static Date date(OffsetDateTime time) {
        return time == null ? null : Date.from(time.toInstant());
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** Removes what XML 1.0 cannot carry (control characters, unpaired surrogates, U+FFFE, U+FFFF). */
    static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int length = Character.charCount(cp);
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.appendCodePoint(cp);
            }
            i += length;
        }
        return out == null ? text : out.toString();
    }
}
