package org.quire.web.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Whole files pass, whatever follows their end; files cut short are named as such. */
class MediaCompletenessTest {

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            image.setRGB(x, x % 48, 0x3366CC * (x + 1));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] withTail(byte[] file, byte[] tail) {
        byte[] all = Arrays.copyOf(file, file.length + tail.length);
        System.arraycopy(tail, 0, all, file.length, tail.length);
        return all;
    }

    @Test
    void wholeFilesPassEvenWithDataAfterTheirEnd() throws IOException {
        byte[] jpeg = image("jpg");
        byte[] png = image("png");
        // A motion photo's video after the JPEG: it may hold a start-of-scan marker with no end marker after it.
        byte[] video = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', (byte) 0xFF, (byte) 0xDA, 1, 2, 3};
        assertThat(MediaCompleteness.problem(jpeg, "image/jpeg")).isEmpty();
        assertThat(MediaCompleteness.problem(withTail(jpeg, video), "image/jpeg")).isEmpty();
        assertThat(MediaCompleteness.problem(png, "image/png")).isEmpty();
        assertThat(MediaCompleteness.problem(withTail(png, new byte[] {1, 2, 3}), "image/png")).isEmpty();
        assertThat(MediaCompleteness.problem("%PDF-1.4\nx\n%%EOF\n".getBytes(), "application/pdf")).isEmpty();
        assertThat(MediaCompleteness.problem(image("gif"), "image/gif")).isEmpty();
    }

    @Test
    void filesCutShortAreNamed() throws IOException {
        byte[] jpeg = image("jpg");
        byte[] png = image("png");
        assertThat(MediaCompleteness.problem(Arrays.copyOf(jpeg, jpeg.length - 10), "image/jpeg"))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("is cut short: a JPEG"));
        assertThat(MediaCompleteness.problem(Arrays.copyOf(png, png.length / 2), "image/png"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("IEND"));
        assertThat(MediaCompleteness.problem("%PDF-1.4\nx".getBytes(), "application/pdf")).isPresent();
        byte[] webp = {'R', 'I', 'F', 'F', 100, 0, 0, 0, 'W', 'E', 'B', 'P'};
        assertThat(MediaCompleteness.problem(webp, "image/webp")).isPresent();
    }
}
