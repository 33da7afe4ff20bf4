package org.quire.plugin.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ImageInspectorTest {

    private final ImageInspector inspector = new ImageInspector(ImageLimits.DEFAULT);

    @Test
    void theTypeComesFromTheContentNotTheName() throws Exception {
        byte[] png = TestImages.write(TestImages.halves(40, 30, BufferedImage.TYPE_INT_ARGB), "png");
        ImageInfo info = inspector.inspect("holiday.jpg", png);
        assertThat(info.type()).isEqualTo(ImageType.PNG);
        assertThat(info.width()).isEqualTo(40);
        assertThat(info.height()).isEqualTo(30);
        assertThat(info.alpha()).isTrue();

        assertThat(inspector.inspect("photo.png", TestImages.jpeg(64, 48)).type()).isEqualTo(ImageType.JPEG);
        assertThat(inspector.inspect("anim.webp", TestImages.gif(20, 10, 1)).type()).isEqualTo(ImageType.GIF);
    }

    @Test
    void aJpgThatIsReallyHtmlIsRefused() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> inspector.inspect("photo.jpg", html))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("photo.jpg: is not an image Quire accepts")
                .hasMessageContaining("it is HTML");
    }

    @Test
    void jpegDimensionsAndOrientationComeFromTheHeader() throws Exception {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(120, 80), 6);
        ImageInfo info = inspector.inspect("p.jpg", jpeg);
        assertThat(info).isEqualTo(new ImageInfo(ImageType.JPEG, 120, 80, 6, false, false));
        assertThat(info.displayWidth()).isEqualTo(80);
        assertThat(info.displayHeight()).isEqualTo(120);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = TestImages.pngBomb(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);
        ImageInspector wide = new ImageInspector(new ImageLimits(1 << 20, 100_000, 100_000, 40_000_000));
        assertThatThrownBy(() -> wide.inspect("bomb.png", bomb))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("bomb.png: is 50,000 × 50,000 = 2,500,000,000 pixels; the limit is 40,000,000 pixels");
        assertThatThrownBy(() -> inspector.inspect("bomb.png", bomb))
                .hasMessage("bomb.png: is 50,000 pixels wide; the limit is 16,384");
    }

    /** The pixel data is an endless stream: decoding it would never end, so finishing shows it was not read. */
    @Test
    void aBombsPixelsAreNeverRead() {
        byte[] header = TestImages.pngBomb(50_000, 50_000);
        int idatData = 8 + 25 + 8;
        CountingStream pixels = new CountingStream();
        InputStream stream = new SequenceInputStream(new ByteArrayInputStream(header, 0, idatData), pixels);
        assertThatThrownBy(() -> inspector.inspect("bomb.png", stream, -1))
                .hasMessageContaining("50,000 pixels wide");
        assertThat(pixels.read).isLessThan(64 * 1024);
    }

    @Test
    void limitsNameTheFileAndTheLimit() {
        ImageInspector small = new ImageInspector(new ImageLimits(100, 50, 40, 1000));
        byte[] jpeg = TestImages.jpeg(60, 30);
        assertThatThrownBy(() -> small.inspect("big.jpg", jpeg))
                .hasMessageMatching("big\\.jpg: is [0-9.]+ (bytes|KiB); the limit is 100 bytes per file");
        ImageInspector narrow = new ImageInspector(new ImageLimits(1 << 20, 50, 40, 100_000));
        assertThatThrownBy(() -> narrow.inspect("wide.jpg", jpeg)).hasMessage("wide.jpg: is 60 pixels wide; the limit is 50");
        ImageInspector low = new ImageInspector(new ImageLimits(1 << 20, 100, 20, 100_000));
        assertThatThrownBy(() -> low.inspect("tall.jpg", jpeg)).hasMessage("tall.jpg: is 30 pixels high; the limit is 20");
    }

    @Test
    void gifAnimationIsToldFromItsFrames() throws Exception {
        assertThat(inspector.inspect("still.gif", TestImages.gif(30, 20, 1)).animated()).isFalse();
        ImageInfo animated = inspector.inspect("anim.gif", TestImages.gif(30, 20, 3));
        assertThat(animated.animated()).isTrue();
        assertThat(animated.width()).isEqualTo(30);
        assertThat(animated.height()).isEqualTo(20);
    }

    @Test
    void webpHeadersGiveSizeAlphaAndAnimation() throws Exception {
        // VP8X: flags alpha (0x10) and animation (0x02), canvas 1000 x 600 stored minus one, 24-bit little-endian.
        byte[] vp8x = riff("VP8X", new byte[] {0x12, 0, 0, 0, (byte) 0xE7, 0x03, 0, 0x57, 0x02, 0});
        ImageInfo extended = inspector.inspect("a.webp", vp8x);
        assertThat(extended).isEqualTo(new ImageInfo(ImageType.WEBP, 1000, 600, 1, true, true));
        // VP8L: signature 0x2f, then 14 bits width-1 (399), 14 bits height-1 (299), alpha bit set.
        long bits = 399 | 299L << 14 | 1L << 28;
        byte[] vp8l = riff("VP8L", new byte[] {0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16),
                (byte) (bits >> 24), 0, 0, 0, 0, 0});
        assertThat(inspector.inspect("b.webp", vp8l)).isEqualTo(new ImageInfo(ImageType.WEBP, 400, 300, 1, false, true));
        byte[] huge = riff("VP8X", new byte[] {0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, (byte) 0xFF, (byte) 0xFF, 0});
        assertThatThrownBy(() -> inspector.inspect("huge.webp", huge)).hasMessageContaining("65,536 pixels wide");
    }

    @Test
    void svgIsRecognisedAsXmlWithAnSvgRoot() throws Exception {
        byte[] svg = ("<?xml version=\"1.0\"?>\n<!-- drawn by hand -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 300 150\"><rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8);
        ImageInfo info = inspector.inspect("logo.png", svg);
        assertThat(info.type()).isEqualTo(ImageType.SVG);
        assertThat(info.width()).isEqualTo(300);
        assertThat(info.height()).isEqualTo(150);
    }

    private static byte[] riff(String fourCc, byte[] data) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(20 + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + data.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(fourCc.getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length).put(data);
        return buffer.array();
    }

    /** Zeros for ever, counting how many were read. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            read += len;
            java.util.Arrays.fill(b, off, off + len, (byte) 0);
            return len;
        }
    }
}
