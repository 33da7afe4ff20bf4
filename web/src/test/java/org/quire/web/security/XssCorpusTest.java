package org.quire.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.quire.api.UrlPaths;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.media.TestImages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The XSS corpus (issue #14): every vector of {@code xss/vectors.txt} goes in through every field a contributor
 * controls (title, description, tags, a custom front-matter value, the body as raw HTML and as Markdown links and
 * images, their display name and bio) and, through an author, as the alt text of an upload; an editor publishes
 * the posts. Then every page, feed and admin page that shows them is parsed, and nothing in any of them may run
 * script: no script element but the site's own, no event handler, no script URL, no frame, plugin, base, refresh
 * or form of the content's making.
 */
@QuarkusTest
@TestProfile(XssCorpusTest.OwnInstance.class)
class XssCorpusTest {

    public static class OwnInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Its own database: the corpus's posts would fill the home pages other tests read.
            return Map.of("quire.database.url", "jdbc:h2:mem:quire-xss;DB_CLOSE_DELAY=-1");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NEVER = Set.of("iframe", "frame", "frameset", "object", "embed", "applet", "base",
            "isindex", "keygen", "param", "portal");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "srcset", "poster",
            "background", "data", "xlink:href", "dynsrc", "lowsrc", "codebase", "cite", "longdesc", "usemap",
            "manifest", "ping");

    static List<String> vectors() throws IOException {
        try (InputStream in = XssCorpusTest.class.getResourceAsStream("/xss/vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    /** Fails naming the page and the element when anything in {@code html} could run script. */
    static void assertNothingRuns(String html, String where, boolean formsAllowed) {
        Document document = Jsoup.parse(html);
        List<String> found = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            String tag = element.normalName();
            // The editor's own preview: a frame without scripts or same-origin rights, whose document is checked too.
            boolean preview = tag.equals("iframe") && formsAllowed && element.id().equals("preview")
                    && element.hasAttr("sandbox") && !element.attr("sandbox").contains("allow-scripts")
                    && !element.attr("sandbox").contains("allow-same-origin");
            // <base target=…> without an address (the preview's, so links open outside the frame) changes no URL.
            boolean targetOnly = tag.equals("base") && !element.hasAttr("href");
            if (NEVER.contains(tag) && !preview && !targetOnly) {
                found.add("<" + tag + ">");
            }
            if (preview) {
                assertNothingRuns(element.attr("srcdoc"), where + " (preview)", false);
            }
            if (tag.equals("script")) {
                boolean data = element.attr("type").equals("application/ld+json");
                boolean ours = element.attr("src").equals("/static/admin.js") && element.data().isBlank();
                if (data) {
                    try {
                        JSON.readTree(element.data());
                    } catch (IOException e) {
                        found.add("JSON-LD that is not JSON: " + e.getMessage());
                    }
                    if (element.data().contains("<")) {
                        found.add("'<' inside JSON-LD");
                    }
                } else if (!ours) {
                    found.add(element.outerHtml());
                }
            }
            if (tag.equals("meta") && element.attr("http-equiv").equalsIgnoreCase("refresh")) {
                found.add(element.outerHtml());
            }
            if (tag.equals("style") && dangerousStyle(element.data())) {
                found.add(element.outerHtml());
            }
            if (tag.equals("form") && (!formsAllowed || !element.attr("action").startsWith("/"))) {
                found.add(element.outerHtml());
            }
            if (tag.equals("link") && element.attr("rel").toLowerCase(Locale.ROOT).contains("import")) {
                found.add(element.outerHtml());
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue();
                if (name.startsWith("on")) {
                    found.add(name + " on <" + tag + ">");
                }
                if (URL_ATTRIBUTES.contains(name) && scriptUrl(value)) {
                    found.add(name + "=\"" + value + "\" on <" + tag + ">");
                }
                if (name.equals("style") && dangerousStyle(value)) {
                    found.add("style=\"" + value + "\" on <" + tag + ">");
                }
                if (name.equals("srcdoc") && !preview) {
                    found.add("srcdoc on <" + tag + ">");
                }
            }
        }
        assertThat(found).as("what could run script in %s", where).isEmpty();
    }

    /** A URL whose scheme runs script or makes a document: javascript:, vbscript:, data: (other than an image). */
    static boolean scriptUrl(String value) {
        StringBuilder squeezed = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c > ' ' && c != '\u007f') {
                squeezed.append(Character.toLowerCase(c));
            }
        }
        String url = squeezed.toString();
        for (String candidate : url.split(",")) {
            String each = candidate.strip();
            if (each.startsWith("javascript:") || each.startsWith("vbscript:") || each.startsWith("livescript:")
                    || each.startsWith("data:") && !each.startsWith("data:image/png") && !each.startsWith("data:image/jpeg")
                    && !each.startsWith("data:image/gif") && !each.startsWith("data:image/webp")) {
                return true;
            }
        }
        return false;
    }

    static boolean dangerousStyle(String css) {
        String lower = css.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return lower.contains("expression(") || lower.contains("javascript:") || lower.contains("behavior:")
                || lower.contains("-moz-binding") || lower.contains("@import");
    }

    /** The HTML inside a feed (RSS description and content, Atom content and summary), as a reader renders it. */
    static void assertFeedRunsNothing(String xml, String where) {
        Document feed = Jsoup.parse(xml, "", Parser.xmlParser());
        for (Element element : feed.select("description, content|encoded, encoded, content, summary")) {
            assertNothingRuns(element.text(), where + " " + element.normalName(), false);
        }
    }

    private static Response created(Session session, Map<String, Object> body) {
        return session.given().contentType("application/json").body(body).post("/api/admin/posts");
    }

    /** What the corpus put on the site: each post's id and path, the contributors' handles. */
    record Corpus(Map<Long, String> paths, Set<String> handles, Session editor, Session author, Session administrator) {
    }

    private static Corpus corpus;

    /** Publishes the corpus once per run of this instance. */
    static synchronized Corpus corpus() throws IOException {
        if (corpus != null) {
            return corpus;
        }
        List<String> vectors = vectors();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(100);
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        Session administrator = TestAccounts.signedIn(Role.ADMINISTRATOR);
        Map<Long, String> paths = new LinkedHashMap<>();
        Set<String> handles = new LinkedHashSet<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            String vector = vectors.get(i);
            Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
            String name = vector.length() > 90 ? vector.substring(0, 90) : vector;
            contributor.given().contentType("application/json")
                    .body(Map.of("displayName", "N" + i + " " + name, "bio", vector)).put("/api/admin/me/profile")
                    .then().statusCode(200);
            handles.add(contributor.account().handle);
            String image = "";
            if (i % 10 == 0) {
                image = author.given().multiPart("file", "v" + i + ".jpg", TestImages.screenshot(200, i), "image/jpeg")
                        .multiPart("alt", vector).post("/api/admin/media").then().statusCode(201).extract()
                        .path("markdown");
            }
            String body = vector + "\n\nAbout it: " + vector + "\n\n[link " + i + "](javascript:xss(" + i + "))"
                    + " ![picture " + i + "](javascript:xss(" + i + ")) <" + "javascript:xss(" + i + ")>\n\n"
                    + image + "\n\n" + "[ref " + i + "][r]\n\n[r]: javascript:xss(" + i + ") \"" + vector + "\"\n";
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", "T" + i + " " + vector);
            fields.put("description", vector);
            fields.put("tags", List.of("xss", vector));
            fields.put("extra", Map.of("subtitle", vector));
            fields.put("body", body);
            Response response = created(contributor, Map.of("fields", fields));
            if (response.statusCode() == 400) {
                // A tag no address can hold is refused by name; the rest of the fields go in without it.
                refused.add(i + ": " + response.asString());
                fields.put("tags", List.of("xss"));
                response = created(contributor, Map.of("fields", fields));
            }
            response.then().statusCode(201);
            long id = ((Number) response.path("id")).longValue();
            // The editor's live preview of the contributor's draft shows it cleaned, as it will be published.
            String source = editor.given().get("/api/admin/posts/" + id + "/source").then().statusCode(200).extract()
                    .asString();
            assertNothingRuns(editor.given().contentType("application/json").body(Map.of("source", source))
                    .post("/api/admin/posts/preview?post=" + id).then().statusCode(200).extract().path("html"),
                    "the editor's preview of post " + id, false);
            editor.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
            paths.put(id, editor.given().get("/api/admin/posts/" + id).then().statusCode(200).extract().path("path"));
        }
        assertThat(refused).as("vectors refused as tags").hasSizeLessThan(vectors.size() / 2);
        corpus = new Corpus(paths, handles, editor, author, administrator);
        return corpus;
    }

    @Test
    void noVectorThroughAnyFieldRunsScriptOnAnyPageFeedOrAdminPage() throws Exception {
        List<String> vectors = vectors();
        Corpus corpus = corpus();
        Map<Long, String> paths = corpus.paths();
        Set<String> handles = corpus.handles();
        Session editor = corpus.editor();
        Session author = corpus.author();
        Session administrator = corpus.administrator();

        List<String> checked = new ArrayList<>();
        for (Map.Entry<Long, String> post : paths.entrySet()) {
            String path = UrlPaths.encodePath(post.getValue());
            assertNothingRuns(given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asString(),
                    path, false);
            assertNothingRuns(editor.given().accept("text/html").get("/admin/posts/" + post.getKey() + "/edit").then()
                    .statusCode(200).extract().asString(), "/admin/posts/" + post.getKey() + "/edit", true);
            checked.add(path);
        }
        List<String> lists = new ArrayList<>(List.of("/", "/archive/", "/tags/", "/tags/xss/", "/authors/",
                "/categories/"));
        for (int page = 2; page <= 12; page++) {
            lists.add("/page/" + page + "/");
            lists.add("/tags/xss/page/" + page + "/");
        }
        handles.forEach(handle -> lists.add("/authors/" + handle + "/"));
        for (String path : lists) {
            Response response = given().urlEncodingEnabled(false).get(path);
            if (response.statusCode() == 200) {
                assertNothingRuns(response.asString(), path, false);
                checked.add(path);
            }
        }
        JsonNode tags = JSON.readTree(given().get("/api/content/tags").then().statusCode(200).extract().asString());
        List<JsonNode> urlForms = tags.findValues("urlForm");
        assertThat(urlForms).as("tags in the content API").isNotEmpty();
        for (JsonNode form : urlForms) {
            String urlForm = form.asText();
            if (!urlForm.isEmpty()) {
                String path = "/tags/" + UrlPaths.encodeSegment(urlForm) + "/";
                Response response = given().urlEncodingEnabled(false).get(path);
                if (response.statusCode() == 200) {
                    assertNothingRuns(response.asString(), path, false);
                    checked.add(path);
                }
            }
        }
        for (String feed : List.of("/feed.xml", "/atom.xml", "/feeds/tags/xss/rss.xml", "/feeds/tags/xss/atom.xml")) {
            assertFeedRunsNothing(given().get(feed).then().statusCode(200).extract().asString(), feed);
            checked.add(feed);
        }
        for (String feed : List.of("/feed.json", "/api/content/posts?tag=xss&size=100")) {
            JsonNode json = JSON.readTree(given().get(feed).then().statusCode(200).extract().asString());
            for (JsonNode node : json.findValues("content_html")) {
                assertNothingRuns(node.asText(), feed, false);
            }
            for (JsonNode node : json.findValues("html")) {
                assertNothingRuns(node.asText(), feed, false);
            }
            for (JsonNode node : json.findValues("excerptHtml")) {
                assertNothingRuns(node.asText(), feed, false);
            }
            checked.add(feed);
        }
        assertThat(given().get("/sitemap.xml").then().statusCode(200).extract().asString()).doesNotContain("<script");
        Map<Session, List<String>> adminPages = Map.of(
                editor, List.of("/admin/", "/admin/posts", "/admin/review", "/admin/tags"),
                author, List.of("/admin/media"),
                administrator, List.of("/admin/users", "/admin/plugins"));
        for (Map.Entry<Session, List<String>> pages : adminPages.entrySet()) {
            for (String path : pages.getValue()) {
                assertNothingRuns(pages.getKey().given().accept("text/html").get(path).then().statusCode(200).extract()
                        .asString(), path, true);
                checked.add(path);
            }
        }
        assertThat(checked).hasSizeGreaterThan(2 * vectors.size());
    }

    /**
     * The same corpus in headless Chromium, one session: every post page, the lists that show them, and the
     * editor with its preview. A vector that ran would call the undefined {@code xss()} and leave a ReferenceError in
     * the console; one that reached the page but was stopped by the Content-Security-Policy leaves a "Refused to"
     * report. Neither may appear.
     */
    @Test
    @org.junit.jupiter.api.Tag("browser")
    void noVectorRunsInChromium() throws Exception {
        Corpus corpus = corpus();
        List<String> pages = new ArrayList<>();
        corpus.paths().values().forEach(path -> pages.add(UrlPaths.encodePath(path)));
        pages.addAll(List.of("/", "/page/2/", "/page/3/", "/tags/xss/", "/tags/xss/page/2/", "/archive/"));
        corpus.handles().stream().limit(10).forEach(handle -> pages.add("/authors/" + handle + "/"));
        org.openqa.selenium.chrome.ChromeDriver browser = org.quire.web.browser.Browser.open(1280, 900);
        List<String> found = new ArrayList<>();
        try {
            // First a script that does call xss(), to show that the console tells.
            browser.get(new java.net.URL(site, "robots.txt").toString());
            browser.executeScript("setTimeout(function () { xss(0); }, 0);");
            Thread.sleep(200);
            assertThat(console(browser)).as("a call of xss() shows in the console")
                    .anyMatch(m -> m.contains("xss is not defined"));
            for (String path : pages) {
                browser.get(new java.net.URL(site, path.substring(1)).toString());
                console(browser).forEach(message -> found.add(path + ": " + message));
            }
            browser.manage().addCookie(new org.openqa.selenium.Cookie(org.quire.web.accounts.AccessFilter.SESSION_COOKIE,
                    corpus.editor().token()));
            for (Long id : corpus.paths().keySet().stream().limit(15).toList()) {
                browser.get(new java.net.URL(site, "admin/posts/" + id + "/edit").toString());
                Thread.sleep(300);
                console(browser).forEach(message -> found.add("/admin/posts/" + id + "/edit: " + message));
            }
        } finally {
            browser.quit();
        }
        assertThat(found).as("script errors or policy reports from the corpus in Chromium").isEmpty();
        assertThat(pages).hasSizeGreaterThan(100);
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL site;

    /** Console messages that tell of a vector: a call of xss() that ran, or one the policy refused. */
    private static List<String> console(org.openqa.selenium.chrome.ChromeDriver browser) {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("xss is not defined") || message.contains("ReferenceError")
                        || message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
    }
}
