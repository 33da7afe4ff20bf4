package org.quire.web.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;

import io.quarkus.test.junit.QuarkusTest;

/** Uploading media through the admin API: who may, what is taken, and where it lands. */
@QuarkusTest
class MediaApiTest extends DatabaseTest {

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(1, 1, 0x80FF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void anAuthorUploadsAnImageAndGetsItsUrlAndMarkdown() throws Exception {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        byte[] png = png();
        String url = author.given().multiPart("file", "Screen Shot 1.PNG", png, "image/png").multiPart("alt", "A diagram")
                .post("/api/admin/media").then().statusCode(201)
                .body("contentType", equalTo("image/png")).body("size", equalTo(png.length))
                .body("path", startsWith("20")).body("path", containsString("/screen-shot-1"))
                .body("markdown", startsWith("![A diagram](/media/")).extract().path("url");
        byte[] served = given().get(url).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(served).isEqualTo(png);
        // The same name again never replaces the first.
        String second = author.given().multiPart("file", "Screen Shot 1.PNG", png, "image/png")
                .post("/api/admin/media").then().statusCode(201).extract().path("url");
        assertThat(second).isNotEqualTo(url).endsWith("-2.png");
    }

    @Test
    void theTypeComesFromTheContentNotTheName() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        author.given().multiPart("file", "photo.jpg", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                        "image/jpeg").post("/api/admin/media").then().statusCode(415)
                .body("error", containsString("'photo.jpg' is not a JPEG, PNG, GIF, WebP image or a PDF"));
        author.given().multiPart("file", "empty.png", new byte[0], "image/png").post("/api/admin/media").then()
                .statusCode(400).body("error", containsString("empty"));
        author.given().multiPart("other", "x").post("/api/admin/media").then().statusCode(400)
                .body("error", containsString("'file'"));
    }

    @Test
    void contributorsMayNotUploadAndBrowsersNeedTheCsrfToken() throws Exception {
        TestAccounts.signedIn(Role.CONTRIBUTOR).given().multiPart("file", "a.png", png(), "image/png")
                .post("/api/admin/media").then().statusCode(403);
        TestAccounts.signedIn(Role.AUTHOR).givenWithoutCsrf().multiPart("file", "a.png", png(), "image/png")
                .post("/api/admin/media").then().statusCode(403).body("error", containsString("CSRF"));
    }
}
