package org.quire.web.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

/** Images for tests, drawn rather than stored: the same seed always gives the same bytes. */
public final class TestImages {

    /** The widths of the seed post's six screenshots. */
    public static final int[] SEED_WIDTHS = {1530, 1280, 810, 1440, 1024, 1200};

    private TestImages() {
    }

    /**
     * Uploads a drawn screenshot for each of the seed post's six images as {@code author}, and returns
     * {@code source} (the seed post's text, perhaps changed) with each image reference pointing at its upload.
     */
    public static String uploadSeedScreenshots(org.quire.web.accounts.TestAccounts.Session author, String source)
            throws IOException {
        java.util.regex.Matcher reference = java.util.regex.Pattern.compile("/images/(\\d+)\\.jpg")
                .matcher(org.quire.web.SeedPosts.source());
        int index = 0;
        while (reference.find()) {
            byte[] jpeg = screenshot(SEED_WIDTHS[index], index);
            String url = author.given().multiPart("file", reference.group(1) + ".jpg", jpeg, "image/jpeg")
                    .multiPart("alt", "Screenshot " + index).post("/api/admin/media").then().statusCode(201)
                    .extract().path("url");
            source = source.replace(reference.group(), url);
            index++;
        }
        if (index != SEED_WIDTHS.length) {
            throw new IllegalStateException("The seed post names " + index + " images, not " + SEED_WIDTHS.length);
        }
        return source;
    }

    /** A JPEG that looks a little like a screenshot: coloured bars on a light background, 16:9. */
    public static byte[] screenshot(int width, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, width * 9 / 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setColor(new Color(0xF3F4F6));
        g.fillRect(0, 0, width, image.getHeight());
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(random.nextInt(width), random.nextInt(image.getHeight()), 40 + random.nextInt(300),
                    8 + random.nextInt(40));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
