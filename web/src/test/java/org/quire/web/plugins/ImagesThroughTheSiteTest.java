package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The images plugin through the site: an upload is checked and cleaned before it is stored, its smaller copies are
 * made before its URL is given out, a post's image gets srcset, sizes and dimensions, and the copies are served
 * with caching for ever. A decompression bomb is refused from its header.
 */
@QuarkusTest
class ImagesThroughTheSiteTest extends DatabaseTest {

    /** A PNG with a text chunk such as a camera or a phone leaves behind. */
    private static byte[] pngWithText(int width, int height, String text) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x3151A6));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        // After the 8-byte signature and the 25-byte IHDR chunk.
        ByteArrayOutputStream withText = new ByteArrayOutputStream();
        withText.write(png, 0, 33);
        withText.write(chunk("tEXt", ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1)));
        withText.write(png, 33, png.length - 33);
        return withText.toByteArray();
    }

    /** A PNG whose header claims 50,000 × 50,000 pixels, with almost no data after it. */
    private static byte[] bomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.write(chunk("IHDR", ByteBuffer.allocate(13).putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array()));
        out.write(chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}));
        out.write(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }

    @Test
    void anUploadedImageIsCleanedAndServedResponsively() throws Exception {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        byte[] png = pngWithText(2000, 1000, "taken at 48.8584 N 2.2945 E by serial 0042");
        String url = author.given().multiPart("file", "diagram.png", png, "image/png").multiPart("alt", "Diagram")
                .post("/api/admin/media").then().statusCode(201).extract().path("url");
        byte[] served = given().get(url).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("48.8584").doesNotContain("serial");
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(2000);

        String title = "Responsive " + UUID.randomUUID().toString().substring(0, 6);
        long id = ((Number) author.given().contentType("application/json").body(Map.of("fields", Map.of("title", title,
                "body", "![First](" + url + ")\n\nText.\n\n![Second](" + url + " \"The caption\")\n")))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        String path = author.given().get("/api/admin/posts/" + id).then().extract().path("path");
        String page = given().get(path).then().statusCode(200).extract().asString();

        String file = url.substring("/media/".length());
        assertThat(page).contains("/media/_w480/" + file + "?v=").contains("/media/_w960/" + file + "?v=")
                .contains("/media/_w1600/" + file + "?v=").contains(" 2000w").contains("sizes=\"")
                .contains("width=\"2000\"").contains("height=\"1000\"").contains("decoding=\"async\"")
                .contains("loading=\"lazy\"").contains("<figcaption>The caption</figcaption>").contains("alt=\"First\"");
        assertThat(page.indexOf("loading=\"lazy\"")).as("the first image is not lazy").isGreaterThan(page.indexOf("alt=\"First\""));
        assertThat(org.quire.web.publicsite.NuHtmlCheckerAccess.errors(page)).isEmpty();

        var variant = given().get("/media/_w960/" + file + "?v=1").then().statusCode(200).contentType("image/png")
                .header("Cache-Control", containsString("immutable")).extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(variant)).getWidth()).isEqualTo(960);
        // Feeds point readers to the copy that suits their column, by absolute URL.
        assertThat(given().get("/atom.xml").then().statusCode(200).extract().asString())
                .contains("src=\"http://localhost:8080/media/_w960/" + file + "?v=").doesNotContain("srcset");
        // The plugin's own records are not part of the site.
        given().get("/media/_images/" + file + ".properties").then().statusCode(404);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws Exception {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        author.given().multiPart("file", "huge.png", bomb(), "image/png").post("/api/admin/media").then()
                .statusCode(400).body("error", containsString("huge.png"))
                .body("error", containsString("pixels"));
    }

    @Test
    void aMissingImageShowsAPlaceholder() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String title = "Broken " + UUID.randomUUID().toString().substring(0, 6);
        long id = ((Number) author.given().contentType("application/json").body(Map.of("fields", Map.of("title", title,
                "body", "![Gone](/media/2020/01/never-uploaded.png)\n"))).post("/api/admin/posts").then()
                .statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        String path = author.given().get("/api/admin/posts/" + id).then().extract().path("path");
        given().get(path).then().statusCode(200).body(containsString("quire-image-missing"));
    }
}
