package org.quire.plugin.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;

/**
 * WebP files made by libwebp's own encoder (see {@code src/test/resources/webp/README.md}), not hand-built headers:
 * detected from their content, decoded by TwelveMonkeys, their metadata stripped, and their copies written as JPEG
 * (opaque) or PNG (transparent), since ImageIO cannot write WebP.
 */
class RealWebpTest {

    private final VariantMaker maker = new VariantMaker(ImageLimits.DEFAULT, VariantSettings.DEFAULT);

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = RealWebpTest.class.getResourceAsStream("/webp/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aLossyPhotoIsReadStrippedOfItsLocationAndCopiedAsJpeg() throws Exception {
        byte[] original = fixture("photo.webp");
        assertThat(TestImages.metadata(original).getFirstDirectoryOfType(GpsDirectory.class))
                .as("the fixture carries a location").isNotNull();

        ImageInfo info = maker.inspector().inspect("photo.webp", original);
        assertThat(info.type()).isEqualTo(ImageType.WEBP);
        assertThat(info.width()).isEqualTo(1200);
        assertThat(info.height()).isEqualTo(800);
        assertThat(info.alpha()).isFalse();

        byte[] cleaned = maker.clean("photo.webp", original);
        assertThat(ImageInspector.detect(cleaned)).contains(ImageType.WEBP);
        assertThat(TestImages.metadata(cleaned).getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(TestImages.metadata(cleaned).getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(ImageIO.read(new ByteArrayInputStream(cleaned)).getWidth()).as("still a readable WebP")
                .isEqualTo(1200);

        ProcessedImage image = maker.make("2026/11/photo.webp", original);
        assertThat(image.variants()).extracting(Rendition::width).containsExactly(480, 960);
        for (Rendition variant : image.variants()) {
            assertThat(variant.path()).endsWith("photo.webp.jpg");
            assertThat(variant.type()).isEqualTo(ImageType.JPEG);
            BufferedImage copy = ImageIO.read(new ByteArrayInputStream(variant.bytes()));
            assertThat(copy.getWidth()).isEqualTo(variant.width());
            assertThat(copy.getHeight()).isEqualTo(variant.width() * 2 / 3);
            assertThat(TestImages.near(copy.getRGB(copy.getWidth() / 4, copy.getHeight() / 2),
                    new Color(20, 140, 140), 24)).as("left half teal").isTrue();
            assertThat(TestImages.near(copy.getRGB(copy.getWidth() * 3 / 4, copy.getHeight() / 2),
                    new Color(240, 140, 20), 24)).as("right half orange").isTrue();
            assertThat(TestImages.metadata(variant.bytes()).getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        }
        assertThat(image.colour()).matches("#[0-9a-f]{6}");
    }

    @Test
    void aTransparentLosslessLogoKeepsItsTransparencyInPngCopies() throws Exception {
        byte[] original = fixture("logo.webp");
        ImageInfo info = maker.inspector().inspect("logo.webp", original);
        assertThat(info.type()).isEqualTo(ImageType.WEBP);
        assertThat(info.alpha()).isTrue();

        ProcessedImage image = maker.make("logo.webp", original);
        assertThat(image.variants()).singleElement().satisfies(variant -> {
            assertThat(variant.width()).isEqualTo(480);
            assertThat(variant.type()).isEqualTo(ImageType.PNG);
            BufferedImage copy = ImageIO.read(new ByteArrayInputStream(variant.bytes()));
            assertThat(copy.getColorModel().hasAlpha()).isTrue();
            // Squares of 50 px become 40 px: (10, 10) lies in a transparent one, (60, 10) in an opaque one.
            assertThat(copy.getRGB(10, 10) >>> 24).as("transparent square").isLessThan(20);
            assertThat(copy.getRGB(60, 10) >>> 24).as("opaque square").isGreaterThan(235);
        });
    }
}
