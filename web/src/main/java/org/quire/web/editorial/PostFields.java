package org.quire.web.editorial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quire.core.source.FrontMatterParser;
import org.quire.core.source.PostSource;
import org.quire.web.content.ContentException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A post as separate JSON fields rather than one Markdown file: the same thing, since the fields are written as the
 * file's front matter (Jekyll's keys, then any custom ones) above the body. Reading gives the front matter's values
 * as the author wrote them.
 *
 * @param date  as Jekyll writes it, such as {@code 2024-05-01 09:30:00 +0800}; empty for none
 * @param extra custom front-matter keys, kept as given
 */
public record PostFields(String title, String slug, String date, String category, List<String> tags,
                         List<String> authors, String description, Map<String, Object> extra, String body) {

    /** The keys Quire interprets, in the order a written file has them; anything else is {@code extra}. */
    private static final List<String> KNOWN = List.of("title", "slug", "date", "category", "tags", "authors",
            "description");
    /** Jekyll's other spellings of known keys, read into those fields and never custom keys. */
    private static final Map<String, String> ALSO = Map.of("tag", "tags", "author", "authors", "categories", "category");

    /** The Markdown file these fields make. */
    public String toMarkdown() {
        if (title == null || title.isBlank()) {
            throw new ContentException(ContentException.Reason.INVALID, "fields.title", "A post needs a title");
        }
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", title.strip());
        putIfPresent(front, "slug", slug);
        putIfPresent(front, "date", date);
        putIfPresent(front, "category", category);
        if (tags != null && !tags.isEmpty()) {
            front.put("tags", List.copyOf(tags));
        }
        if (authors != null && !authors.isEmpty()) {
            front.put("authors", List.copyOf(authors));
        }
        putIfPresent(front, "description", description);
        if (extra != null) {
            for (Map.Entry<String, Object> entry : extra.entrySet()) {
                boolean severalCategories = entry.getKey().equals("categories") && (category == null || category.isBlank());
                if ((KNOWN.contains(entry.getKey()) || ALSO.containsKey(entry.getKey())) && !severalCategories) {
                    throw new ContentException(ContentException.Reason.INVALID, "fields.extra." + entry.getKey(),
                            "'" + entry.getKey() + "' is a field of its own, not a custom key");
                }
                front.put(entry.getKey(), entry.getValue());
            }
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(1000);
        String yaml = new Yaml(options).dump(front);
        String text = body == null ? "" : body;
        return "---\n" + yaml + "---\n" + text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n");
    }

    /** The fields of a Markdown file, as written in its front matter. */
    @SuppressWarnings("unchecked")
    public static PostFields of(String source) {
        var frontMatter = new FrontMatterParser().parse(new PostSource("post.md", source)).frontMatter();
        Map<String, Object> values = frontMatter.values();
        Map<String, Object> extra = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!KNOWN.contains(key) && !ALSO.containsKey(key)) {
                extra.put(key, value);
            }
        });
        // Jekyll's singular keys read as the plural fields, so a post's fields can be saved back unchanged.
        Object tags = values.containsKey("tags") ? values.get("tags") : values.get("tag");
        // One author is one name, spaces and all ("Jane Doe"); a list of authors is a list.
        List<String> authors = values.containsKey("authors") ? list(values.get("authors"))
                : values.get("author") instanceof String one ? List.of(one.strip()) : list(values.get("author"));
        Object category = values.get("category");
        if (category == null && values.containsKey("categories")) {
            List<String> categories = list(values.get("categories"));
            if (categories.size() > 1) {
                // Several categories have no field of their own: kept as written, never cut to the first.
                extra.put("categories", values.get("categories"));
            } else {
                category = categories.isEmpty() ? null : categories.get(0);
            }
        }
        return new PostFields(text(values.get("title")), text(values.get("slug")), text(values.get("date")),
                text(category), list(tags), authors, text(values.get("description")), extra,
                frontMatter.body());
    }

    /**
     * Custom front-matter keys written as YAML (the editor's "other front matter" box), read the way a post's
     * front matter is read (dates stay as written); a mistake names its line in the box.
     */
    public static Map<String, Object> extraFromYaml(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return Map.of();
        }
        var parsed = new FrontMatterParser().parse(new PostSource("front-matter.yml",
                "---\n" + yaml.replace("\r\n", "\n").stripTrailing() + "\n---\n"));
        for (var diagnostic : parsed.diagnostics()) {
            if (diagnostic.severity() == org.quire.core.Diagnostic.Severity.ERROR) {
                throw new ContentException(ContentException.Reason.INVALID, "frontMatter", "Other front matter, line "
                        + Math.max(1, diagnostic.line() - 1) + ": " + diagnostic.message());
            }
        }
        return new LinkedHashMap<>(parsed.frontMatter().values());
    }

    /** Custom keys as the YAML the editor's box shows; empty for none. */
    public static String extraAsYaml(Map<String, Object> extra) {
        if (extra == null || extra.isEmpty()) {
            return "";
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(1000);
        return new Yaml(options).dump(extra);
    }

    /** The same fields with other custom keys. */
    public PostFields withExtra(Map<String, Object> otherExtra) {
        return new PostFields(title, slug, date, category, tags, authors, description, otherExtra, body);
    }

    private static void putIfPresent(Map<String, Object> front, String key, String value) {
        if (value != null && !value.isBlank()) {
            front.put(key, value.strip());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> list(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString().split("\\s+"));
    }
}
