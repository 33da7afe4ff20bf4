package org.quire.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.quire.web.SeedPosts;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The seed post as a reader's browser shows it: six styled service cards. The screenshot is kept as a test
 * artefact in {@code web/target/screenshots/} for people to look at.
 */
@QuarkusTest
@Tag("browser")
class SeedPostInChromiumTest {

    @Inject
    PostService posts;

    @TestHTTPResource("/")
    URL site;

    @Test
    void theSeedPostShowsSixStyledCardsAndIsSavedAsAScreenshot() throws Exception {
        Post seed = SeedPosts.publish(posts);
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            browser.get(new URL(site, seed.path.substring(1)).toString());
            List<WebElement> cards = browser.findElements(By.cssSelector(".post-body section.aws-card"));
            assertThat(cards).hasSize(6);
            // The theme's stylesheet reached the browser: cards have their coloured edge, verdicts their highlight.
            assertThat(cards.get(0).getCssValue("border-left-width")).isEqualTo("4px");
            assertThat(cards.get(0).findElement(By.cssSelector(".aws-card-badge")).getText()).isEqualTo("EKS");
            assertThat(browser.findElement(By.cssSelector(".aws-card-verdict")).getCssValue("border-left-style"))
                    .isEqualTo("solid");
            assertThat(cards.get(0).getRect().getHeight()).isGreaterThan(100);

            long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height, 16000)));
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Path artefact = Path.of("target", "screenshots", "seed-post.png");
            Files.createDirectories(artefact.getParent());
            Files.copy(shot, artefact, StandardCopyOption.REPLACE_EXISTING);
            byte[] png = Files.readAllBytes(artefact);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).isGreaterThan(50_000);
        } finally {
            browser.quit();
        }
    }
}
