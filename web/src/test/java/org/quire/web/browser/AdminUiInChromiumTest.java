package org.quire.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.quire.web.accounts.Account;
import org.quire.web.accounts.AccessFilter;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The admin UI in headless Chromium, as a team uses it: writing with an image and a live preview, the review
 * round trip between a contributor and an editor, two people saving the same post, the revision history and
 * autosave across a reload. Screenshots of the dashboard, the editor, the conflict page and the published post are
 * kept in {@code web/target/screenshots/}.
 */
@QuarkusTest
@Tag("browser")
class AdminUiInChromiumTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL site;

    private String url(String path) throws Exception {
        return new URL(site, path.substring(1)).toString();
    }

    private void signIn(ChromeDriver browser, Account account) throws Exception {
        browser.get(url("/admin/sign-in"));
        browser.findElement(By.id("login")).sendKeys(account.handle);
        browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.className("signed-in-as")));
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        return new WebDriverWait(browser, PATIENCE);
    }

    private static void type(ChromeDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field the way a date picker would, firing the input event. */
    private static void setValue(ChromeDriver browser, String id, String value) {
        ((JavascriptExecutor) browser).executeScript("const f = document.getElementById(arguments[0]);"
                + " f.value = arguments[1]; f.dispatchEvent(new Event('input', {bubbles: true}));", id, value);
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1360, (int) Math.min(Math.max(height,
                800), 6000)));
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path artefact = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(artefact.getParent());
        Files.copy(shot, artefact, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(artefact)).isGreaterThan(10_000);
    }

    private static Path testImage() throws Exception {
        BufferedImage image = new BufferedImage(960, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xA8412A));
        g.fillRect(0, 0, 960, 480);
        g.setColor(Color.WHITE);
        g.fillOval(280, 40, 400, 400);
        g.dispose();
        Path file = Path.of("target", "browser-upload", "architecture-diagram.png").toAbsolutePath();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static long postIdFrom(String currentUrl) {
        return Long.parseLong(currentUrl.replaceAll(".*/admin/posts/(\\d+)/edit.*", "$1"));
    }

    /** The preview frame's document, read from the page (the sandbox keeps scripts out of the frame itself). */
    private static String previewHtml(ChromeDriver browser) {
        return (String) browser.executeScript("return document.getElementById('preview').srcdoc");
    }

    @Test
    void anAuthorWritesWithAnImageSeesThePreviewAndPublishes() throws Exception {
        Account author = TestAccounts.create(Role.AUTHOR);
        String title = "Notes from the summit " + UUID.randomUUID().toString().substring(0, 6);
        ChromeDriver browser = Browser.open(1360, 900);
        try {
            signIn(browser, author);
            browser.findElement(By.linkText("New post")).click();
            type(browser, "title", title);
            browser.findElement(By.id("body")).sendKeys("We went to the keynote.\n\n");
            // Autosave makes the new post a draft as soon as it has a title.
            wait(browser).until(ExpectedConditions.urlMatches(".*/admin/posts/\\d+/edit$"));

            browser.findElement(By.id("upload-image")).sendKeys(testImage().toString());
            wait(browser).until(d -> d.findElement(By.id("body")).getAttribute("value")
                    .contains("![architecture diagram](/media/"));
            // And an image pasted into the text, as from a screenshot tool.
            ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
                    + " const canvas = document.createElement('canvas'); canvas.width = 320; canvas.height = 200;"
                    + " const ctx = canvas.getContext('2d'); ctx.fillStyle = '#3151a6'; ctx.fillRect(0, 0, 320, 200);"
                    + " canvas.toBlob(blob => { const data = new DataTransfer();"
                    + " data.items.add(new File([blob], 'image.png', {type: 'image/png'}));"
                    + " const body = document.getElementById('body'); body.focus();"
                    + " body.setSelectionRange(body.value.length, body.value.length);"
                    + " body.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true,"
                    + " cancelable: true})); done(); }, 'image/png');");
            wait(browser).until(d -> d.findElement(By.id("body")).getAttribute("value").split("\\]\\(/media/").length == 3);
            wait(browser).until(d -> previewHtml(browser).split("<img").length == 3);
            assertThat(previewHtml(browser)).contains("We went to the keynote.").contains(title);

            // The images load inside the preview frame.
            browser.switchTo().frame("preview");
            List<WebElement> images = browser.findElements(By.tagName("img"));
            assertThat(images).hasSize(2);
            wait(browser).until(d -> images.stream().allMatch(i -> ((Long) browser.executeScript(
                    "return arguments[0].naturalWidth", i)) > 0));
            browser.switchTo().defaultContent();
            screenshot(browser, "editor-with-preview");

            browser.findElement(By.id("publish")).click();
            wait(browser).until(ExpectedConditions.textToBe(By.id("post-status"), "published"));
            browser.findElement(By.className("view-on-site")).click();
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article h1")));
            assertThat(browser.findElement(By.cssSelector("article h1")).getText()).isEqualTo(title);
            List<WebElement> published = browser.findElements(By.cssSelector("article img"));
            assertThat(published).hasSize(2);
            // The images plugin gave the 960 px upload a 480 px copy; the browser picks from srcset for its slot
            // and the picture loads (naturalWidth is in CSS pixels for the chosen density).
            assertThat(published.get(0).getAttribute("srcset")).contains("/media/_w480/");
            wait(browser).until(d -> (Long) browser.executeScript("return arguments[0].naturalWidth",
                    published.get(0)) > 0);
            assertThat((String) browser.executeScript("return arguments[0].currentSrc", published.get(0)))
                    .contains("/media/");
            screenshot(browser, "published-post");

            browser.get(url("/admin/"));
            assertThat(browser.findElement(By.id("chart-heading")).isDisplayed()).isTrue();
            assertThat(browser.findElements(By.cssSelector(".chart-svg rect"))).isNotEmpty();
            screenshot(browser, "dashboard");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aContributorSubmitsAnEditorSendsBackThenApprovesAndSchedules() throws Exception {
        Account contributor = TestAccounts.create(Role.CONTRIBUTOR);
        Account editor = TestAccounts.create(Role.EDITOR);
        String title = "First post by a contributor " + UUID.randomUUID().toString().substring(0, 6);
        ChromeDriver writer = Browser.open(1360, 900);
        ChromeDriver reviewer = Browser.open(1360, 900);
        try {
            signIn(writer, contributor);
            writer.get(url("/admin/posts/new"));
            type(writer, "title", title);
            writer.findElement(By.id("body")).sendKeys("My first draft.");
            assertThat(writer.findElements(By.id("publish"))).isEmpty();
            assertThat(writer.findElements(By.id("upload-image"))).isEmpty();
            writer.findElement(By.id("submit-review")).click();
            wait(writer).until(ExpectedConditions.textToBe(By.id("post-status"), "in review"));
            long id = postIdFrom(writer.getCurrentUrl());
            // No button, and the API refuses too.
            String session = writer.manage().getCookieNamed(AccessFilter.SESSION_COOKIE).getValue();
            String csrf = writer.findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value");
            RestAssured.given().cookie(AccessFilter.SESSION_COOKIE, session).header(AccessFilter.CSRF_HEADER, csrf)
                    .post("/api/admin/posts/" + id + "/publish").then().statusCode(403);

            signIn(reviewer, editor);
            reviewer.findElement(By.cssSelector("a[href='/admin/review']")).click();
            reviewer.findElement(By.linkText(title)).click();
            reviewer.findElement(By.id("comment")).sendKeys("Say which region you tested in.");
            reviewer.findElement(By.id("send-back")).click();
            wait(reviewer).until(ExpectedConditions.urlMatches(".*/admin/review$"));

            writer.navigate().refresh();
            assertThat(writer.findElement(By.className("sent-back-comment")).getText())
                    .isEqualTo("Say which region you tested in.");
            writer.findElement(By.id("body")).sendKeys(" Tested in eu-west-1.");
            writer.findElement(By.id("submit-review")).click();
            wait(writer).until(ExpectedConditions.textToBe(By.id("post-status"), "in review"));

            reviewer.get(url("/admin/posts/" + id + "/review"));
            assertThat(reviewer.findElement(By.id("preview")).getAttribute("srcdoc")).contains("Tested in eu-west-1.");
            setValue(reviewer, "publish-at", "2099-03-01T09:30");
            reviewer.findElement(By.id("approve")).click();
            wait(reviewer).until(ExpectedConditions.urlMatches(".*/admin/review$"));
            reviewer.get(url("/admin/posts/" + id + "/edit"));
            assertThat(reviewer.findElement(By.id("post-status")).getText()).isEqualTo("scheduled");
            assertThat(reviewer.findElement(By.className("post-state")).getText()).contains("2099-03-01 09:30");
        } finally {
            writer.quit();
            reviewer.quit();
        }
    }

    @Test
    void twoPeopleSaveTheSamePostAndTheSecondSeesBothVersions() throws Exception {
        Account author = TestAccounts.create(Role.AUTHOR);
        Account editor = TestAccounts.create(Role.EDITOR);
        String title = "Shared draft " + UUID.randomUUID().toString().substring(0, 6);
        ChromeDriver first = Browser.open(1360, 900);
        ChromeDriver second = Browser.open(1360, 900);
        try {
            signIn(first, author);
            first.get(url("/admin/posts/new"));
            type(first, "title", title);
            first.findElement(By.id("body")).sendKeys("The opening line.");
            first.findElement(By.id("save")).click();
            wait(first).until(ExpectedConditions.urlMatches(".*/admin/posts/\\d+/edit\\?done=.*"));
            long id = postIdFrom(first.getCurrentUrl());

            signIn(second, editor);
            second.get(url("/admin/posts/" + id + "/edit"));
            first.get(url("/admin/posts/" + id + "/edit"));

            first.findElement(By.id("body")).sendKeys("\nThe author's second line.");
            first.findElement(By.id("save")).click();
            wait(first).until(ExpectedConditions.textToBePresentInElementLocated(By.className("notice"), "Saved."));

            second.findElement(By.id("body")).sendKeys("\nThe editor's second line.");
            second.findElement(By.id("save")).click();
            wait(second).until(ExpectedConditions.presenceOfElementLocated(By.id("theirs")));
            assertThat(second.findElement(By.id("theirs")).getText()).contains("The author's second line.");
            assertThat(second.findElement(By.id("yours")).getText()).contains("The editor's second line.");
            assertThat(second.findElements(By.cssSelector(".diff-added"))).isNotEmpty();
            screenshot(second, "conflict");

            WebElement merged = second.findElement(By.id("merged"));
            merged.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
            merged.sendKeys("---\ntitle: " + title + "\n---\nThe opening line.\nThe author's second line.\n"
                    + "The editor's second line.\n");
            second.findElement(By.id("save-merged")).click();
            wait(second).until(ExpectedConditions.textToBePresentInElementLocated(By.className("notice"), "merged"));
            assertThat(second.findElement(By.id("body")).getAttribute("value"))
                    .contains("The author's second line.\nThe editor's second line.");
        } finally {
            first.quit();
            second.quit();
        }
    }

    @Test
    void revisionsShowADiffAndRestoreAnOlderText() throws Exception {
        Account author = TestAccounts.create(Role.AUTHOR);
        String title = "Revised " + UUID.randomUUID().toString().substring(0, 6);
        ChromeDriver browser = Browser.open(1360, 900);
        try {
            signIn(browser, author);
            browser.get(url("/admin/posts/new"));
            type(browser, "title", title);
            browser.findElement(By.id("body")).sendKeys("Version one of the text.");
            browser.findElement(By.id("save")).click();
            wait(browser).until(ExpectedConditions.urlMatches(".*/edit\\?done=.*"));
            WebElement body = browser.findElement(By.id("body"));
            body.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
            body.sendKeys("Version two, rewritten.");
            browser.findElement(By.id("save")).click();
            // The page before may already say "Saved." (autosave can make the draft before the first Save):
            // wait for the new page.
            wait(browser).until(ExpectedConditions.stalenessOf(body));
            wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.className("notice"), "Saved."));

            assertThat(browser.findElement(By.id("body")).getAttribute("value")).contains("Version two");
            browser.findElement(By.linkText("Revisions")).click();
            WebElement compare = browser.findElement(By.id("compare"));
            compare.click();
            // A click that submits a form can return before the next page is parsed: wait for that page and its
            // diff rather than read a half-built one.
            wait(browser).until(ExpectedConditions.stalenessOf(compare));
            wait(browser).withMessage(() -> "no removed line in the diff of: " + browser.getPageSource())
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".diff-removed")));
            assertThat(browser.findElement(By.cssSelector(".diff-removed")).getText()).contains("Version one");
            assertThat(browser.findElement(By.cssSelector(".diff-added")).getText()).contains("Version two");
            browser.findElement(By.cssSelector("button.restore")).click();
            wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.className("notice"),
                    "current text again"));
            assertThat(browser.findElement(By.id("body")).getAttribute("value")).contains("Version one of the text.")
                    .doesNotContain("Version two");
        } finally {
            browser.quit();
        }
    }

    @Test
    void textTypedAndLeftSurvivesAReload() throws Exception {
        Account author = TestAccounts.create(Role.AUTHOR);
        String title = "Autosaved " + UUID.randomUUID().toString().substring(0, 6);
        ChromeDriver browser = Browser.open(1360, 900);
        try {
            signIn(browser, author);
            browser.get(url("/admin/posts/new"));
            type(browser, "title", title);
            browser.findElement(By.id("body")).sendKeys("Saved for real.");
            browser.findElement(By.id("save")).click();
            wait(browser).until(ExpectedConditions.urlMatches(".*/edit\\?done=.*"));

            browser.findElement(By.id("body")).sendKeys(" Then typed and left alone.");
            wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-state"),
                    "Changes kept"));
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("body")).getAttribute("value"))
                    .contains("Saved for real.").contains("Then typed and left alone.");
            assertThat(browser.findElement(By.className("notice")).getText()).contains("unsaved changes");
        } finally {
            browser.quit();
        }
    }
}
