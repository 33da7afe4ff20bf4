package org.quire.plugin.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;

class VariantMakerTest {

    private final VariantMaker maker = new VariantMaker(ImageLimits.DEFAULT, VariantSettings.DEFAULT);

    /** The acceptance case: a 4000 × 3000 camera JPEG turned by EXIF orientation 6, with GPS. */
    @Test
    void aRotatedPhotoWithGpsComesOutUprightWithoutMetadata() throws Exception {
        byte[] original = TestImages.withExif(TestImages.jpeg(4000, 3000), 6);
        assertThat(TestImages.metadata(original).getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();

        ProcessedImage image = maker.make("2026/11/photo.jpg", original);

        assertThat(image.original().orientation()).isEqualTo(6);
        assertThat(image.full().path()).isEqualTo("2026/11/photo.jpg");
        assertThat(List.of(image.full().width(), image.full().height())).containsExactly(3000, 4000);
        assertThat(image.variants()).extracting(Rendition::path).containsExactly(
                "_w480/2026/11/photo.jpg", "_w960/2026/11/photo.jpg", "_w1600/2026/11/photo.jpg");
        assertThat(image.variants()).extracting(Rendition::width).containsExactly(480, 960, 1600);
        assertThat(image.variants()).extracting(Rendition::height).containsExactly(640, 1280, 2133);

        for (Rendition copy : allOf(image)) {
            BufferedImage pixels = TestImages.read(copy.bytes());
            assertThat(pixels.getWidth()).as(copy.path()).isEqualTo(copy.width());
            assertThat(pixels.getHeight()).as(copy.path()).isEqualTo(copy.height());
            // Orientation 6: the stored top (red) is shown on the right, the bottom (blue) on the left.
            int middle = pixels.getHeight() / 2;
            assertThat(TestImages.near(pixels.getRGB(pixels.getWidth() - 3, middle), TestImages.TOP, 40))
                    .as("%s right edge is red", copy.path()).isTrue();
            assertThat(TestImages.near(pixels.getRGB(2, middle), TestImages.BOTTOM, 40))
                    .as("%s left edge is blue", copy.path()).isTrue();
            assertNoCameraMetadata(copy);
        }
        assertThat(image.colour()).matches("#[0-9a-f]{6}");
        assertThat(image.lqip()).startsWith("data:image/jpeg;base64,");
    }

    @Test
    void anUprightJpegLosesItsMetadataWithoutBeingReencoded() throws Exception {
        byte[] plain = TestImages.jpeg(300, 200);
        byte[] original = TestImages.withExif(plain, 1);
        ProcessedImage image = maker.make("a.jpg", original);
        assertNoCameraMetadata(image.full());
        assertThat(image.full().bytes()).isEqualTo(plain);
        assertThat(image.variants()).isEmpty();
    }

    @Test
    void theFilterStoresAnUprightCopyWithoutMetadataAndRefusesABomb() throws Exception {
        byte[] turned = TestImages.withExif(TestImages.jpeg(1200, 800), 6);
        org.quire.api.MediaFilter filter = new ImagesPlugin().mediaFilters().get(0);
        byte[] stored = filter.filter("2026/11/turned.jpg", "image/jpeg", turned);
        Metadata metadata = TestImages.metadata(stored);
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        java.awt.image.BufferedImage upright = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored));
        assertThat(upright.getWidth()).isEqualTo(800);
        assertThat(upright.getHeight()).isEqualTo(1200);
        byte[] pdf = "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(filter.filter("doc.pdf", "application/pdf", pdf)).isSameAs(pdf);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter.filter("bomb.png", "image/png",
                        TestImages.pngBomb(50_000, 50_000)))
                .isInstanceOf(org.quire.api.MediaRefusedException.class).hasMessageContaining("bomb.png")
                .hasMessageContaining("pixels");
    }

    @Test
    void imagesAreNeverUpscaled() throws Exception {
        ProcessedImage medium = maker.make("m.png", TestImages.write(TestImages.halves(1000, 500,
                BufferedImage.TYPE_INT_RGB), "png"));
        assertThat(medium.variants()).extracting(Rendition::width).containsExactly(480, 960);
        assertThat(medium.variants()).extracting(Rendition::height).containsExactly(240, 480);
        assertThat(medium.variants()).extracting(Rendition::type).containsOnly(ImageType.PNG);

        ProcessedImage exact = maker.make("e.png", TestImages.write(TestImages.halves(480, 100,
                BufferedImage.TYPE_INT_RGB), "png"));
        assertThat(exact.variants()).isEmpty();
        assertThat(exact.full().width()).isEqualTo(480);
    }

    @Test
    void transparencyStaysTransparent() throws Exception {
        BufferedImage picture = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = picture.createGraphics();
        g.setColor(new Color(0, 128, 0));
        g.fillRect(600, 0, 600, 600);
        g.dispose();
        byte[] png = TestImages.withText(TestImages.write(picture, "png"), "Author", "Jane Doe, 12 Secret Lane");

        ProcessedImage image = maker.make("t.png", png);

        assertThat(new String(image.full().bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Secret Lane", "tEXt");
        assertThat(TestImages.read(image.full().bytes()).getRGB(10, 10) >>> 24).isZero();
        for (Rendition variant : image.variants()) {
            BufferedImage pixels = TestImages.read(variant.bytes());
            assertThat(pixels.getColorModel().hasAlpha()).isTrue();
            assertThat(pixels.getRGB(2, 2) >>> 24).as(variant.path()).isZero();
            assertThat(pixels.getRGB(pixels.getWidth() - 3, 2) >>> 24).as(variant.path()).isEqualTo(255);
        }
        assertColour(image.colour(), 0x00, 0x80, 0x00);
        assertThat(image.lqip()).startsWith("data:image/png;base64,");
    }

    @Test
    void thePlaceholderIsTheAverageColour() throws Exception {
        ProcessedImage solid = maker.make("s.png", TestImages.write(TestImages.solid(800, 400, new Color(0x33, 0x66, 0x99)),
                "png"));
        assertThat(solid.colour()).isEqualTo("#336699");
        ProcessedImage halves = maker.make("h.png", TestImages.write(TestImages.halves(800, 400,
                BufferedImage.TYPE_INT_RGB), "png"));
        // Half (220, 20, 20) and half (20, 20, 220).
        assertColour(halves.colour(), 120, 20, 120);
    }

    @Test
    void aStillGifGetsGifVariantsAndAnAnimationKeepsItsFrames() throws Exception {
        ProcessedImage still = maker.make("s.gif", TestImages.gif(1000, 100, 1));
        assertThat(still.variants()).extracting(Rendition::type).containsExactly(ImageType.GIF, ImageType.GIF);
        assertThat(TestImages.read(still.variants().get(0).bytes()).getWidth()).isEqualTo(480);

        ProcessedImage animated = maker.make("a.gif", TestImages.gif(1000, 100, 3));
        assertThat(animated.variants()).isEmpty();
        assertThat(frames(animated.full().bytes())).isEqualTo(3);
    }

    @Test
    void aBombIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> maker.make("2026/11/bomb.png", TestImages.pngBomb(50_000, 50_000)))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("2026/11/bomb.png: is 50,000 pixels wide; the limit is 16,384");
    }

    @Test
    void anSvgIsSanitisedNotResized() throws Exception {
        byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"32\" onload=\"alert(1)\">"
                + "<script>alert(2)</script><rect width=\"1\" height=\"1\"/></svg>").getBytes(StandardCharsets.UTF_8);
        ProcessedImage image = maker.make("logo.svg", svg);
        assertThat(image.variants()).isEmpty();
        assertThat(new String(image.full().bytes(), StandardCharsets.UTF_8)).doesNotContain("alert").contains("<rect");
        assertThat(image.removed()).contains("<script>", "onload on <svg>");
        assertThat(List.of(image.full().width(), image.full().height())).containsExactly(64, 32);
    }

    @Test
    void oneVariantCanBeMadeOnDemand() throws Exception {
        byte[] original = TestImages.withExif(TestImages.jpeg(2000, 1000), 6);
        Rendition variant = maker.makeVariant("p.jpg", original, 480);
        assertThat(variant.path()).isEqualTo("_w480/p.jpg");
        assertThat(List.of(variant.width(), variant.height())).containsExactly(480, 960);
        assertNoCameraMetadata(variant);
        assertThatThrownBy(() -> maker.makeVariant("p.jpg", original, 1600))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p.jpg: 1600 is not one of its variant widths [480, 960]");
        assertThat(VariantPaths.parse("_w480/p.jpg")).contains(new VariantPaths.Variant(480, "p.jpg", ImageType.JPEG));
        assertThat(VariantPaths.parse("_w960/a/b.webp.png"))
                .contains(new VariantPaths.Variant(960, "a/b.webp", ImageType.PNG));
        assertThat(VariantPaths.parse("2026/p.jpg")).isEmpty();
    }

    /** Within 3 of each channel: the average is taken over a small resampled copy. */
    private static void assertColour(String colour, int red, int green, int blue) {
        assertThat(colour).matches("#[0-9a-f]{6}");
        Color actual = Color.decode(colour);
        assertThat(TestImages.near(actual.getRGB(), new Color(red, green, blue), 3))
                .as("%s is near (%d, %d, %d)", colour, red, green, blue).isTrue();
    }

    private static List<Rendition> allOf(ProcessedImage image) {
        List<Rendition> all = new java.util.ArrayList<>(image.variants());
        all.add(image.full());
        return all;
    }

    private static void assertNoCameraMetadata(Rendition copy) {
        Metadata metadata = TestImages.metadata(copy.bytes());
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).as("GPS in %s", copy.path()).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).as("EXIF in %s", copy.path()).isNull();
        for (Directory directory : metadata.getDirectories()) {
            assertThat(directory.getName()).as(copy.path()).doesNotContain("Exif", "GPS", "XMP");
        }
        assertThat(new String(copy.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("QuireCam", "Exif");
    }

    private static int frames(byte[] gif) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }
}
