package org.quire.web.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.web.SeedPosts;
import org.quire.web.media.MediaStore;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The seed post moved in from a Jekyll folder laid out like its original blog: {@code _config.yml} with
 * {@code permalink: /:categories/:title/}, the post under {@code _posts/articles/}, and its six screenshots under
 * {@code images/} (generated here at the seed's sizes). The images land in the media library through the images
 * plugin, the post's references point there, and each renders responsively; the old address answers 301.
 */
@QuarkusTest
@TestProfile(SeedSiteImportTest.OwnSite.class)
class SeedSiteImportTest {

    /** A site of its own: the imported seed post points at the media library, which other tests' seed must not. */
    public static class OwnSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.database.url", "jdbc:h2:mem:quire-seed-import;DB_CLOSE_DELAY=-1");
        }
    }

    /** The seed post's six screenshots and their widths (810 to 1530 px, as in the original). */
    private static final List<String> IMAGES = List.of("15129744814539", "15129745074877", "15129750528074",
            "15129813924127", "15129784028843", "15129793085726");
    private static final int[] WIDTHS = {1530, 1280, 810, 1440, 1024, 1200};

    @Inject
    JekyllImport importer;

    @Inject
    MediaStore media;

    @TempDir
    Path site;

    private static void screenshot(Path file, int width, long seed) throws Exception {
        int height = width * 9 / 16;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setColor(new Color(0xF3F4F6));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(random.nextInt(width), random.nextInt(height), 40 + random.nextInt(300), 8 + random.nextInt(40));
        }
        g.dispose();
        ImageIO.write(image, "jpg", file.toFile());
    }

    @Test
    void theSeedPostMovesInWithItsSixImagesAndItsOldAddress() throws Exception {
        Files.writeString(site.resolve("_config.yml"), "title: Notes\npermalink: /:categories/:title/\n");
        Files.createDirectories(site.resolve("_posts/articles"));
        Files.writeString(site.resolve("_posts/articles/2017-12-29-aws-reinvent.md"), SeedPosts.source());
        Files.createDirectories(site.resolve("images"));
        for (int i = 0; i < IMAGES.size(); i++) {
            screenshot(site.resolve("images/" + IMAGES.get(i) + ".jpg"), WIDTHS[i], i);
        }

        JekyllImport.Report report = importer.importSite(site, done -> { });
        assertThat(report.posts()).singleElement().satisfies(post -> {
            assertThat(post.outcome()).isEqualTo(JekyllImport.Outcome.IMPORTED);
            assertThat(post.messages()).noneMatch(m -> m.contains("images/"));
        });
        for (String image : IMAGES) {
            assertThat(media.find("images/" + image + ".jpg")).as(image).isPresent();
        }
        String path = report.posts().get(0).path();
        if (path.equals("/articles/aws-reinvent/")) {
            given().get("/articles/aws-reinvent/").then().statusCode(200);
        } else {
            given().redirects().follow(false).get("/articles/aws-reinvent/").then().statusCode(301)
                    .header("Location", org.hamcrest.Matchers.endsWith(path));
        }

        String page = given().get(path).then().statusCode(200).extract().asString();
        Matcher img = Pattern.compile("<img [^>]*>").matcher(page);
        int images = 0;
        while (img.find()) {
            String tag = img.group();
            if (tag.contains("/media/images/")) {
                images++;
                assertThat(tag).as(tag).contains("srcset=\"/media/_w480/images/").contains("width=\"")
                        .contains("height=\"").contains("decoding=\"async\"");
            }
        }
        assertThat(images).isEqualTo(6);
        assertThat(page).doesNotContain("src=\"/images/");

        // Moving in again changes nothing and stores nothing twice.
        JekyllImport.Report again = importer.importSite(site, done -> { });
        assertThat(again.posts()).singleElement()
                .satisfies(post -> assertThat(post.outcome()).isEqualTo(JekyllImport.Outcome.UNCHANGED));
    }
}
