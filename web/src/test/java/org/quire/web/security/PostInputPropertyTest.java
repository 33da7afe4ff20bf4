package org.quire.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;

/**
 * The admin API's post fields and front matter against generated input (jqwik's arbitraries, drawn in a session
 * with a fixed seed so a failure repeats): whatever is sent, as fields or as a Markdown file, to create, update or preview, the
 * answer is 2xx or 4xx, never 5xx. Each request has a 10 s socket timeout only to catch a hang; how fast bad input
 * is refused is measured in bench/, not here.
 */
@QuarkusTest
class PostInputPropertyTest extends DatabaseTest {

    private static final long SEED = 27L;
    private static final int TRIES = 120;
    private static final RestAssuredConfig GUARDED = RestAssured.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 10_000));

    /** A jqwik session with a fixed seed, so arbitraries can be drawn in a Quarkus test and a failure repeats. */
    @BeforeEach
    void startSession() {
        JqwikSession.start(Long.toString(SEED));
    }

    @AfterEach
    void finishSession() {
        JqwikSession.finish();
    }

    /** Text that is hard on YAML, slugs, columns and Markdown: structure characters, scripts, control characters. */
    private static Arbitrary<String> hostileText(int maxLength) {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("", " ", ":", ": ", "- ", "? ", "&x", "*x", "&x [*x]", "!!binary", "!!python/object:x",
                        "{", "}", "[", "]", "'", "\"", "#", "|", ">", "%", "@", "`", "\t", "\n", "\r\n", "---", "...",
                        "..", "/", "\\", "%2e%2e", "<script>", "{{ site.url }}", "{% raw %}", "\u0000", "\u0007",
                        "\u202e", "\ud83d\ude00", "云计算", "ｆｕｌｌ", "yes", "no", "null", "~", "2016-06-31",
                        "1e9999", "0x1F"),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().withChars("a-_/. 标").ofMinLength(100).ofMaxLength(maxLength));
        return pieces.list().ofMinSize(0).ofMaxSize(8).map(parts -> String.join("", parts));
    }

    private static Arbitrary<List<String>> hostileList() {
        return hostileText(260).list().ofMinSize(0).ofMaxSize(5);
    }

    private static <T> T draw(Arbitrary<T> arbitrary) {
        return arbitrary.sample();
    }

    @Test
    void anyFieldsGiveTwoOrFourHundredsNeverFive() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        Arbitrary<String> text = hostileText(600);
        for (int i = 0; i < TRIES; i++) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", draw(Arbitraries.oneOf(text, Arbitraries.just("Fine title " + i))));
            fields.put("slug", draw(Arbitraries.oneOf(text, Arbitraries.just("fine-" + i + "-" + SEED))));
            fields.put("date", draw(Arbitraries.oneOf(text, Arbitraries.of("2024-05-01", "2016-06-31 25:00"))));
            fields.put("category", draw(text));
            fields.put("tags", draw(hostileList()));
            fields.put("authors", draw(hostileList()));
            fields.put("description", draw(text));
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put(draw(Arbitraries.of("permalink", "redirect_from", "custom", "layout", "published")), draw(text));
            fields.put("extra", extra);
            fields.put("body", draw(text));
            Session who = i % 2 == 0 ? author : editor;
            expectNoServerError("fields " + fields, post(who, Map.of("fields", fields), "/api/admin/posts"));
            if (i % 10 == 0) {
                Map<String, Object> edit = new LinkedHashMap<>(Map.of("fields", fields));
                edit.put("frontMatter", draw(text));
                expectNoServerError("fields with front matter " + edit, post(who, edit, "/api/admin/posts"));
            }
        }
    }

    @Test
    void anyFrontMatterGivesTwoOrFourHundredsNeverFive() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        Arbitrary<String> text = hostileText(300);
        Arbitrary<String> line = Combinators.combine(Arbitraries.of("title", "slug", "date", "tags", "tag", "author",
                "authors", "categories", "category", "permalink", "redirect_from", "published", "lang", "x"), text)
                .as((key, value) -> key + ": " + value);
        long existing = ((Number) author.given().contentType("application/json").body(Map.of("source",
                "---\ntitle: Updated by generated input\nslug: generated-" + SEED + "-" + System.nanoTime()
                        + "\n---\nFirst.\n")).post("/api/admin/posts").then().statusCode(201).extract()
                .path("id")).longValue();
        for (int i = 0; i < TRIES; i++) {
            List<String> lines = new ArrayList<>(draw(line.list().ofMinSize(0).ofMaxSize(6)));
            String source = draw(Arbitraries.oneOf(Arbitraries.just("---\n" + String.join("\n", lines) + "\n---\n"
                    + draw(text) + "\n"), Arbitraries.just("---\n" + String.join("\n", lines) + "\n"), text));
            expectNoServerError("source " + source, post(author, Map.of("source", source), "/api/admin/posts"));
            if (i % 4 == 0) {
                Response detail = author.given().get("/api/admin/posts/" + existing);
                long version = ((Number) detail.path("version")).longValue();
                expectNoServerError("update " + source, guarded(author).contentType("application/json")
                        .body(Map.of("source", source, "version", version)).put("/api/admin/posts/" + existing));
                expectNoServerError("preview " + source, post(author, Map.of("source", source),
                        "/api/admin/posts/preview"));
            }
        }
    }

    private static RequestSpecification guarded(Session session) {
        return session.given().config(GUARDED);
    }

    private static Response post(Session session, Object body, String path) {
        return guarded(session).contentType("application/json").body(body).post(path);
    }

    private static void expectNoServerError(String what, Response answer) {
        assertThat(answer.statusCode()).as("%s answered %s", abbreviate(what), answer.asString()).isLessThan(500);
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
