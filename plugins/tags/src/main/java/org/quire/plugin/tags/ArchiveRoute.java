package org.quire.plugin.tags;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.PostView;
import org.quire.api.SiteInfo;
import org.quire.api.TagView;
import org.quire.api.UrlPaths;

/**
 * The posts of one tag or category, newest first, {@code posts-per-page} to a page: {@code /tags/{tag}/} and
 * {@code /tags/{tag}/page/{n}/} (one route for first pages, one for the rest).
 */
final class ArchiveRoute implements PageRoute {

    enum Kind {
        TAG("tags", TagsPlugin.TAG_ARCHIVES),
        CATEGORY("categories", TagsPlugin.CATEGORY_ARCHIVES);

        final String segment;
        final String setting;

        Kind(String segment, String setting) {
            this.segment = segment;
            this.setting = setting;
        }
    }

    /** The subject of an archive: its display name, the URL segment naming it, its description and posts. */
    /** A tag or category: how many posts it has, and a page of them on demand (offset, limit). */
    private record Subject(String name, String urlSegment, String description, String coverPath, int count,
                           java.util.function.BiFunction<Integer, Integer, List<PostView>> posts) {
    }

    private final PluginContext context;
    private final Kind kind;
    private final boolean laterPages;

    ArchiveRoute(PluginContext context, Kind kind, boolean laterPages) {
        this.context = context;
        this.kind = kind;
        this.laterPages = laterPages;
    }

    @Override
    public String pattern() {
        return "/" + kind.segment + "/{name}/" + (laterPages ? "page/{page}/" : "");
    }

    @Override
    public List<String> paths() {
        if (!enabled()) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        for (Subject subject : subjects()) {
            int pages = pageCount(subject.count());
            if (!laterPages) {
                paths.add(base(subject.urlSegment()));
            } else {
                for (int page = 2; page <= pages; page++) {
                    paths.add(base(subject.urlSegment()) + "page/" + page + "/");
                }
            }
        }
        return paths;
    }

    @Override
    public Optional<Page> render(String path) {
        if (!enabled()) {
            return Optional.empty();
        }
        String prefix = "/" + kind.segment + "/";
        if (!path.startsWith(prefix) || !path.endsWith("/")) {
            return Optional.empty();
        }
        String[] parts = path.substring(prefix.length(), path.length() - 1).split("/", -1);
        int page;
        if (!laterPages && parts.length == 1) {
            page = 1;
        } else if (laterPages && parts.length == 3 && parts[1].equals("page") && parts[2].matches("[0-9]{1,6}")) {
            page = Integer.parseInt(parts[2]);
            if (page < 2) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        Optional<Subject> subject = subject(parts[0]);
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        int pages = pageCount(subject.get().count());
        if (page > pages) {
            return Optional.empty();
        }
        return Optional.of(page(subject.get(), page, pages));
    }

    private Page page(Subject subject, int page, int pages) {
        SiteInfo site = context.site().info();
        int perPage = perPage();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(site.locale());
        List<Map<String, Object>> posts = new ArrayList<>();
        for (PostView post : subject.posts().apply((page - 1) * perPage, perPage)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("title", post.title());
            item.put("href", site.basePath() + UrlPaths.encodePath(post.path()));
            item.put("iso", post.published() == null ? "" : post.published().withNano(0).toInstant().toString());
            item.put("date", post.published() == null ? ""
                    : dates.format(post.published().atZoneSameInstant(site.timeZone())));
            item.put("excerpt", post.excerptHtml());
            posts.add(item);
        }
        Map<String, String> labels = Labels.forLocale(site.locale());
        String heading = (kind == Kind.TAG ? labels.get("tagged") : labels.get("category")) + subject.name();
        String base = site.basePath() + base(subject.urlSegment());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("heading", heading);
        data.put("description", subject.description());
        data.put("cover", subject.coverPath() == null ? "" : UrlPaths.encodePath(subject.coverPath()));
        data.put("posts", posts);
        data.put("page", page);
        data.put("pages", pages);
        data.put("newer", page > 1 ? (page == 2 ? base : base + "page/" + (page - 1) + "/") : "");
        data.put("older", page < pages ? base + "page/" + (page + 1) + "/" : "");
        return Page.themed(page == 1 ? heading : heading + " (" + page + ")",
                context.templates().render("archive.html", data));
    }

    private List<Subject> subjects() {
        if (kind == Kind.TAG) {
            return context.site().tags().stream().map(this::subjectOf).toList();
        }
        return context.site().categories().stream().map(this::categorySubject).toList();
    }

    private Optional<Subject> subject(String urlSegment) {
        if (kind == Kind.TAG) {
            return context.site().tag(urlSegment).map(this::subjectOf);
        }
        String name = UrlPaths.decode(urlSegment);
        return context.site().categories().stream().filter(c -> c.equalsIgnoreCase(name)).findFirst()
                .map(this::categorySubject);
    }

    private Subject subjectOf(TagView tag) {
        return new Subject(tag.name(), tag.urlForm(), tag.description(), tag.coverPath(), tag.count(),
                (offset, limit) -> context.site().postsTagged(tag, offset, limit));
    }

    private Subject categorySubject(String category) {
        return new Subject(category, UrlPaths.encodeSegment(category), "", null,
                context.site().postCountInCategory(category),
                (offset, limit) -> context.site().postsInCategory(category, offset, limit));
    }

    private String base(String urlSegment) {
        return "/" + kind.segment + "/" + urlSegment + "/";
    }

    private int pageCount(int posts) {
        return Math.max(1, (posts + perPage() - 1) / perPage());
    }

    private int perPage() {
        return Math.max(1, context.settings().getInt(TagsPlugin.POSTS_PER_PAGE));
    }

    private boolean enabled() {
        return context.settings().getBoolean(kind.setting);
    }
}
