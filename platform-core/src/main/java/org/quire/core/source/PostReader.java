package org.quire.core.source;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.quire.core.Diagnostic;
import org.quire.core.Diagnostic.Kind;
import org.quire.core.site.PermalinkPattern;
import org.quire.core.site.SiteSettings;
import org.quire.core.site.Tag;

/**
 * Reads a post's front matter and file name into {@link PostMetadata} with Jekyll's conventions. Every problem
 * becomes a diagnostic; reading never fails, so no post is ever silently dropped. Thread-safe.
 */
public final class PostReader {

    /** Keys the engine interprets; every other key is kept in {@link PostMetadata#extra()}. */
    private static final Set<String> INTERPRETED = Set.of("title", "date", "slug", "category", "categories", "tags",
            "tag", "author", "authors", "permalink", "published", "redirect_from", "excerpt", "description", "layout");

    private final FrontMatterParser frontMatterParser = new FrontMatterParser();

    /** A read post: its metadata, its body, and what went wrong. */
    public record Read(PostMetadata metadata, String body, List<Diagnostic> diagnostics) {
    }

    public Read read(PostSource source, SiteSettings site) {
        return read(source, frontMatterParser.parse(source), site);
    }

    /**
     * Reads a text under the name a first read of it gives ({@code nameFor}, from that read's metadata: a stored
     * post's file name is made from its date and slug), parsing its front matter once. The same as reading
     * {@code provisional} and then the text again under the name, which costs a second YAML parse.
     */
    public Read readRenamed(PostSource provisional, Function<PostMetadata, String> nameFor, SiteSettings site) {
        FrontMatterParser.Result parsed = frontMatterParser.parse(provisional);
        String name = nameFor.apply(read(provisional, parsed, site).metadata());
        List<Diagnostic> renamed = new ArrayList<>();
        for (Diagnostic diagnostic : parsed.diagnostics()) {
            renamed.add(new Diagnostic(name, diagnostic.line(), diagnostic.kind(), diagnostic.severity(),
                    diagnostic.message()));
        }
        return read(new PostSource(name, provisional.text()), new FrontMatterParser.Result(parsed.frontMatter(),
                renamed), site);
    }

    private Read read(PostSource source, FrontMatterParser.Result parsed, SiteSettings site) {
        List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
        FrontMatter fm = parsed.frontMatter();
        Map<String, Object> values = fm.values();
        PostFileName fileName = PostFileName.of(source.fileName());
        String name = source.name();
        int line = 2;

        String slug = text(values.get("slug")).filter(s -> !s.isBlank()).map(String::trim).orElse(fileName.slug());
        String title = text(values.get("title")).map(String::trim).filter(s -> !s.isEmpty())
                .orElseGet(() -> titleFromSlug(slug));

        ZonedDateTime date = null;
        if (values.get("date") != null) {
            Optional<ZonedDateTime> parsedDate = JekyllDate.parse(values.get("date"),
                    fm.dateInUtc() ? java.time.ZoneOffset.UTC : site.timeZone(), site.timeZone());
            if (parsedDate.isPresent()) {
                date = parsedDate.get();
                if (JekyllDate.rollsOver(values.get("date"))) {
                    diagnostics.add(Diagnostic.warning(name, lineOf(source, "date"), Kind.DATE_ROLLED_OVER,
                            "date '" + values.get("date") + "' names a day its month does not have; it is read as "
                                    + date.toLocalDate() + ", as Jekyll reads it"));
                }
                JekyllDate.ignoredAfterTime(values.get("date")).ifPresent(ignored -> diagnostics.add(Diagnostic.warning(
                        name, lineOf(source, "date"), Kind.DATE_PARTLY_READ, "date '" + values.get("date")
                                + "': '" + ignored + "' after the time is not read (Jekyll does not read it either),"
                                + " so the time is taken in the site's time zone; to give an offset, write it with"
                                + " four digits right after the time, as in 18:30:22 -0800")));
            } else {
                diagnostics.add(Diagnostic.warning(name, lineOf(source, "date"), Kind.DATE_UNREADABLE,
                        "date '" + values.get("date") + "' is not a date Jekyll reads (such as 2017-12-29, "
                                + "2017-12-29 10:00:00 -0800 or December 29, 2017); "
                                + (fileName.date().isPresent() ? "the file name's date is used" : "the post has no date")));
            }
        }
        if (date == null && fileName.date().isPresent()) {
            date = fileName.date().get().atStartOfDay(site.timeZone());
            String written = source.fileName().replaceFirst("^(\\d{2,4}-\\d{1,2}-\\d{1,2})-.*", "$1");
            if (JekyllDate.rollsOver(written)) {
                diagnostics.add(Diagnostic.warning(name, 0, Kind.DATE_ROLLED_OVER, "the file name's date " + written
                        + " names a day its month does not have; it is read as " + date.toLocalDate()
                        + ", as Jekyll reads it"));
            }
        }
        if (date == null) {
            diagnostics.add(Diagnostic.warning(name, 0, Kind.DATE_MISSING,
                    "the post has no date: name the file YYYY-MM-DD-slug.md or set date: in the front matter"));
        }

        List<String> categories = new ArrayList<>(categoriesFromPath(name));
        for (String category : strings(values.get("category"), false, "category", source, diagnostics)) {
            addOnce(categories, category.trim());
        }
        for (String category : strings(values.get("categories"), true, "categories", source, diagnostics)) {
            addOnce(categories, category.trim());
        }
        categories.removeIf(String::isEmpty);

        List<Tag> tags = new ArrayList<>();
        Set<String> tagKeys = new LinkedHashSet<>();
        Object tagValue = values.containsKey("tags") ? values.get("tags") : values.get("tag");
        for (String tagName : strings(tagValue, true, "tags", source, diagnostics)) {
            if (!tagName.isBlank()) {
                Tag tag = new Tag(tagName);
                if (tagKeys.add(tag.key())) {
                    tags.add(tag);
                }
            }
        }

        List<String> authors = new ArrayList<>();
        for (String author : strings(values.get("author"), false, "author", source, diagnostics)) {
            addOnce(authors, author.trim());
        }
        for (String author : strings(values.get("authors"), false, "authors", source, diagnostics)) {
            addOnce(authors, author.trim());
        }
        authors.removeIf(String::isEmpty);

        String permalink = text(values.get("permalink")).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (permalink == null && date != null) {
            permalink = site.permalink().expand(slug, date, categories);
        } else if (permalink == null) {
            permalink = PermalinkPattern.of("none").expand(slug, ZonedDateTime.now(site.timeZone()), categories);
        } else {
            // "//host/x" would be another site's address wherever the path becomes a link, and "/../x" a file
            // outside an export's folder: always a plain path here.
            String path = PermalinkPattern.sitePath(permalink);
            if (!path.equals(permalink) && !path.equals("/" + permalink)) {
                diagnostics.add(Diagnostic.warning(name, lineOf(source, "permalink"), Kind.FRONT_MATTER_FIELD,
                        "permalink '" + permalink + "' is read as the path '" + path + "' on this site"));
            }
            permalink = path;
        }

        boolean published = !Boolean.FALSE.equals(values.get("published"))
                && !"false".equals(String.valueOf(values.get("published")).trim().toLowerCase(Locale.ROOT));

        List<String> redirectFrom = new ArrayList<>();
        for (String path : strings(values.get("redirect_from"), false, "redirect_from", source, diagnostics)) {
            addOnce(redirectFrom, path.trim());
        }

        Map<String, Object> extra = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!INTERPRETED.contains(key)) {
                extra.put(key, value);
            }
        });

        PostMetadata metadata = new PostMetadata(name, title, date, slug, categories, tags, authors, permalink,
                published, redirectFrom, text(values.get("excerpt")).orElse(null),
                text(values.get("description")).map(String::trim).orElse(""),
                text(values.get("layout")).orElse(null), extra, values, fm.bodyFirstLine(), fileName.isHtml());
        return new Read(metadata, fm.body(), diagnostics);
    }

    /**
     * A front-matter value as a list of strings: a YAML list, or a single value (split on whitespace when
     * {@code splitString}, as Jekyll splits {@code tags} and {@code categories}).
     */
    private static List<String> strings(Object value, boolean splitString, String key, PostSource source,
                                        List<Diagnostic> diagnostics) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                if (item == null) {
                    continue;
                }
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    diagnostics.add(Diagnostic.warning(source.name(), lineOf(source, key), Kind.FRONT_MATTER_FIELD,
                            key + ": an item is a " + (item instanceof Map<?, ?> ? "mapping" : "list")
                                    + " (" + item + "); expected plain text, so it is ignored"));
                    continue;
                }
                result.add(item.toString());
            }
            return result;
        }
        if (value instanceof Map<?, ?>) {
            diagnostics.add(Diagnostic.warning(source.name(), lineOf(source, key), Kind.FRONT_MATTER_FIELD,
                    key + " is a mapping (" + value + "); expected a list or text, so it is ignored"));
            return List.of();
        }
        String text = value.toString();
        return splitString ? List.of(text.trim().split("\\s+")) : List.of(text);
    }

    private static Optional<String> text(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return Optional.empty();
        }
        return Optional.of(value.toString());
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /**
     * Jekyll's {@code Document#categories_from_path}: the folders above a post folder become categories, so
     * {@code en/news/_posts/2017-03-03-hello.md} is in {@code en} and {@code news}; folders inside {@code _posts} do
     * not count. Jekyll cuts the path at the first {@code _posts} (or {@code _drafts}) it finds, even inside a
     * folder's name, and so does this.
     */
    public static List<String> categoriesFromPath(String name) {
        String specialDir = name.contains("_drafts/") && !name.contains("_posts/") ? "_drafts" : "_posts";
        if (!name.contains("/") || name.startsWith(specialDir)) {
            return List.of();
        }
        String superdirs = name.replaceFirst(Pattern.quote(specialDir) + ".*", "");
        String baseName = name.substring(name.lastIndexOf('/') + 1);
        List<String> categories = new ArrayList<>();
        for (String folder : superdirs.split("/")) {
            if (!folder.isEmpty() && !folder.equals(specialDir) && !folder.equals(baseName)) {
                addOnce(categories, folder);
            }
        }
        return categories;
    }

    /** Jekyll's title for a post without one: the slug's words, capitalised. */
    static String titleFromSlug(String slug) {
        StringBuilder title = new StringBuilder();
        for (String word : slug.split("-+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (title.length() > 0) {
                title.append(' ');
            }
            title.appendCodePoint(Character.toUpperCase(word.codePointAt(0)))
                    .append(word.substring(Character.charCount(word.codePointAt(0))));
        }
        return title.toString();
    }

    /** The file line on which a top-level front-matter key is written, or 2 when it cannot be found. */
    private static int lineOf(PostSource source, String key) {
        String[] lines = source.text().split("\n", 200);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
            if (lines[i].startsWith("---")) {
                break;
            }
        }
        return 2;
    }
}
