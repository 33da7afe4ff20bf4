package org.quire.web.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.quire.web.editorial.PostFields;

/**
 * The editor's form as posted: the post's fields, its body, any other front matter as YAML, the version it was
 * edited from and the button pressed. Works without JavaScript; the script only adds preview, autosave and uploads.
 */
public class EditorForm {

    @RestForm public String title;
    @RestForm public String slug;
    @RestForm public String date;
    @RestForm public String category;
    @RestForm public String tags;
    @RestForm public String authors;
    @RestForm public String description;
    /** Front-matter keys that have no field of their own, as YAML. */
    @RestForm public String frontMatter;
    @RestForm public String body;
    @RestForm public Long version;
    /** save, submit, publish, schedule, unpublish or delete. */
    @RestForm public String action;
    /** For schedule: a local date-time in the site's zone ({@code 2030-01-31T09:00}). */
    @RestForm public String publishAt;

    /** The fields as the API takes them; a bad "other front matter" names its line. */
    public PostFields fields() {
        return new PostFields(title, blankToNull(slug), blankToNull(date), blankToNull(category), list(tags),
                list(authors), blankToNull(description), extra(), body == null ? "" : body.replace("\r\n", "\n"));
    }

    /** The Markdown file the form makes. */
    public String markdown() {
        return fields().toMarkdown();
    }

    /** The form filled from a stored file. */
    public static EditorForm of(PostFields fields, long version) {
        EditorForm form = new EditorForm();
        form.title = fields.title() == null ? "" : fields.title();
        form.slug = nullToEmpty(fields.slug());
        form.date = nullToEmpty(fields.date());
        form.category = nullToEmpty(fields.category());
        form.tags = String.join(", ", fields.tags());
        form.authors = String.join(", ", fields.authors());
        form.description = nullToEmpty(fields.description());
        form.frontMatter = PostFields.extraAsYaml(fields.extra());
        form.body = nullToEmpty(fields.body());
        form.version = version;
        return form;
    }

    public static EditorForm blank() {
        EditorForm form = new EditorForm();
        form.title = form.slug = form.date = form.category = form.tags = form.authors = form.description = "";
        form.frontMatter = form.body = "";
        return form;
    }

    private Map<String, Object> extra() {
        return PostFields.extraFromYaml(frontMatter);
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
