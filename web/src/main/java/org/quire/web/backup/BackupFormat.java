package org.quire.web.backup;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a backup archive holds, as {@code docs/backup.md} describes it: the tables copied, in an order where every
 * row's references come before it, and each column with the JSON kind it is written as. Kept by hand beside the
 * migrations: {@code BackupFormatTest} fails when a migration adds a column this list or the document lacks.
 */
public final class BackupFormat {

    /** The value of {@code format} in {@code manifest.json}. */
    public static final String FORMAT = "quire-backup";
    /** Goes up when the archive's layout changes; a Quire refuses archives of a later layout. */
    public static final int LAYOUT_VERSION = 2;
    /**
     * The oldest database schema whose archives this Quire restores: each later migration only adds tables, which
     * such an archive lacks and a restore leaves empty ({@link Table#sinceSchema()}).
     */
    public static final String OLDEST_RESTORED_SCHEMA = "10";
    public static final String MANIFEST = "manifest.json";
    public static final String DATABASE_FOLDER = "database/";
    public static final String MEDIA_FOLDER = "media/";

    private BackupFormat() {
    }

    /** How a column's value is written in JSON. */
    public enum Kind {
        /** A JSON number (64-bit). */
        LONG,
        /** A JSON number (32-bit). */
        INT,
        /** A JSON number (a double). */
        DOUBLE,
        /** A JSON string. */
        TEXT,
        /** true or false. */
        BOOLEAN,
        /** An ISO-8601 instant in UTC, such as {@code 2017-12-29T08:00:00.123456Z}. */
        TIME
    }

    public record Column(String name, Kind kind) {
    }

    /**
     * A table as copied: rows ordered by {@code key}; {@code identity} names the column the database numbers new
     * rows by, which a restore moves past the highest restored value; {@code sinceSchema} is the migration that made
     * it, so an archive of an older schema has no file for it.
     */
    public record Table(String name, List<String> key, Optional<String> identity, List<Column> columns,
                        int sinceSchema) {

        /** Whether an archive of this database schema holds the table. */
        public boolean inSchema(String schema) {
            return compareVersions(schema, String.valueOf(sinceSchema)) >= 0;
        }

        public String fileName() {
            return DATABASE_FOLDER + name + ".json";
        }
    }

    private static Column c(String name, Kind kind) {
        return new Column(name, kind);
    }

    private static Table numbered(String name, Column... columns) {
        return new Table(name, List.of("id"), Optional.of("id"), Arrays.asList(columns), 1);
    }

    private static Table keyed(String name, List<String> key, Column... columns) {
        return new Table(name, key, Optional.empty(), Arrays.asList(columns), 1);
    }

    private static Table since(int schema, Table table) {
        return new Table(table.name(), table.key(), table.identity(), table.columns(), schema);
    }

    /** Compares dotted version numbers such as Flyway's ("10", "10.1") part by part. */
    public static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? parse(left[i]) : 0;
            long r = i < right.length ? parse(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    private static long parse(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Everything a site is made of. Not copied: sign-in sessions (people sign in again on the restored site) and
     * signals between instances, which only matter while they are sent.
     */
    public static final List<Table> TABLES = List.of(
            keyed("site", List.of("id"), c("id", Kind.LONG), c("title", Kind.TEXT), c("description", Kind.TEXT),
                    c("url", Kind.TEXT), c("base_path", Kind.TEXT), c("locale", Kind.TEXT),
                    c("time_zone", Kind.TEXT), c("permalink", Kind.TEXT), c("posts_per_page", Kind.INT),
                    c("version", Kind.LONG), c("liquid_json", Kind.TEXT), c("trust_staff_html", Kind.BOOLEAN),
                    c("two_factor_required", Kind.TEXT)),
            numbered("account", c("id", Kind.LONG), c("handle", Kind.TEXT), c("email", Kind.TEXT),
                    c("display_name", Kind.TEXT), c("bio", Kind.TEXT), c("avatar_path", Kind.TEXT),
                    c("role", Kind.TEXT), c("password_hash", Kind.TEXT), c("can_sign_in", Kind.BOOLEAN),
                    c("created_at", Kind.TIME), c("version", Kind.LONG), c("active", Kind.BOOLEAN),
                    c("failed_sign_ins", Kind.INT), c("sso_subject", Kind.TEXT), c("locked_until", Kind.TIME),
                    c("totp_secret", Kind.TEXT), c("totp_pending_secret", Kind.TEXT), c("totp_enabled_at", Kind.TIME),
                    c("totp_last_step", Kind.LONG)),
            numbered("recovery_code", c("id", Kind.LONG), c("account_id", Kind.LONG), c("code_hash", Kind.TEXT),
                    c("created_at", Kind.TIME), c("used_at", Kind.TIME)),
            numbered("api_token", c("id", Kind.LONG), c("account_id", Kind.LONG), c("name", Kind.TEXT),
                    c("token_hash", Kind.TEXT), c("token_prefix", Kind.TEXT), c("role", Kind.TEXT),
                    c("created_at", Kind.TIME), c("expires_at", Kind.TIME), c("last_used_at", Kind.TIME),
                    c("revoked_at", Kind.TIME)),
            numbered("account_link", c("id", Kind.LONG), c("account_id", Kind.LONG), c("purpose", Kind.TEXT),
                    c("token_hash", Kind.TEXT), c("created_by", Kind.LONG), c("created_at", Kind.TIME),
                    c("expires_at", Kind.TIME), c("used_at", Kind.TIME)),
            numbered("post", c("id", Kind.LONG), c("slug", Kind.TEXT), c("path", Kind.TEXT), c("title", Kind.TEXT),
                    c("description", Kind.TEXT), c("category", Kind.TEXT), c("status", Kind.TEXT),
                    c("source", Kind.TEXT), c("html", Kind.TEXT), c("excerpt_html", Kind.TEXT),
                    c("excerpt_text", Kind.TEXT), c("toc_json", Kind.TEXT), c("extra_json", Kind.TEXT),
                    c("word_count", Kind.INT), c("reading_minutes", Kind.INT), c("trusted_html", Kind.BOOLEAN),
                    c("published_at", Kind.TIME), c("created_at", Kind.TIME), c("updated_at", Kind.TIME),
                    c("deleted_at", Kind.TIME), c("version", Kind.LONG), c("import_source", Kind.TEXT),
                    c("import_hash", Kind.TEXT)),
            keyed("post_author", List.of("post_id", "position"), c("post_id", Kind.LONG),
                    c("account_id", Kind.LONG), c("position", Kind.INT)),
            numbered("tag", c("id", Kind.LONG), c("tag_key", Kind.TEXT), c("name", Kind.TEXT),
                    c("url_form", Kind.TEXT), c("description", Kind.TEXT), c("cover_path", Kind.TEXT),
                    c("version", Kind.LONG)),
            keyed("post_tag", List.of("post_id", "position"), c("post_id", Kind.LONG), c("tag_id", Kind.LONG),
                    c("position", Kind.INT)),
            numbered("revision", c("id", Kind.LONG), c("post_id", Kind.LONG), c("number", Kind.INT),
                    c("title", Kind.TEXT), c("source", Kind.TEXT), c("author_id", Kind.LONG), c("note", Kind.TEXT),
                    c("created_at", Kind.TIME)),
            numbered("redirect", c("id", Kind.LONG), c("from_path", Kind.TEXT), c("post_id", Kind.LONG),
                    c("created_at", Kind.TIME)),
            numbered("post_event", c("id", Kind.LONG), c("post_id", Kind.LONG), c("account_id", Kind.LONG),
                    c("kind", Kind.TEXT), c("from_status", Kind.TEXT), c("to_status", Kind.TEXT),
                    c("publish_at", Kind.TIME), c("comment", Kind.TEXT), c("created_at", Kind.TIME)),
            numbered("autosave", c("id", Kind.LONG), c("post_id", Kind.LONG), c("account_id", Kind.LONG),
                    c("source", Kind.TEXT), c("base_version", Kind.LONG), c("saved_at", Kind.TIME)),
            numbered("media_file", c("id", Kind.LONG), c("path", Kind.TEXT), c("sha256", Kind.TEXT),
                    c("content_type", Kind.TEXT), c("size_bytes", Kind.LONG), c("original_name", Kind.TEXT),
                    c("uploaded_by", Kind.LONG), c("created_at", Kind.TIME), c("alt_text", Kind.TEXT)),
            keyed("plugin_state", List.of("plugin_id"), c("plugin_id", Kind.TEXT), c("enabled", Kind.BOOLEAN),
                    c("settings_json", Kind.TEXT), c("updated_at", Kind.TIME), c("version", Kind.LONG),
                    c("disabled_reason", Kind.TEXT)),
            since(11, numbered("plugin_record", c("id", Kind.LONG), c("plugin_id", Kind.TEXT),
                    c("collection_name", Kind.TEXT), c("record_key", Kind.TEXT), c("document", Kind.TEXT),
                    c("version", Kind.LONG), c("created_at", Kind.TIME), c("updated_at", Kind.TIME),
                    c("s1", Kind.TEXT), c("s2", Kind.TEXT), c("s3", Kind.TEXT), c("s4", Kind.TEXT),
                    c("n1", Kind.DOUBLE), c("n2", Kind.DOUBLE), c("t1", Kind.TIME), c("t2", Kind.TIME))),
            since(11, keyed("plugin_collection", List.of("plugin_id", "collection_name"), c("plugin_id", Kind.TEXT),
                    c("collection_name", Kind.TEXT), c("slots", Kind.TEXT), c("updated_at", Kind.TIME))));

    /** Tables a restore empties besides {@link #TABLES}, because their rows point at accounts it replaces. */
    public static final List<String> CLEARED_ON_RESTORE = List.of("sign_in_session");

    /** Tables that are deliberately not in a backup; every other table must be in {@link #TABLES}. */
    public static final List<String> NOT_COPIED = List.of("sign_in_session", "cluster_signal", "flyway_schema_history",
            "plugin_task", "plugin_task_done", "plugin_schedule");

    public static String mediaEntry(String sha256) {
        return MEDIA_FOLDER + sha256;
    }
}
