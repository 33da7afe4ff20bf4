package org.quire.plugin.images.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.quire.plugin.images.ImageLimits;
import org.quire.plugin.images.ProcessedImage;
import org.quire.plugin.images.VariantMaker;
import org.quire.plugin.images.VariantSettings;

/**
 * Figures for bench/images.sh, not a test: {@code throughput SECONDS} prints variants made per second from
 * 1600 × 1000 JPEG photos (one thread, default widths, so 480 and 960 for each); {@code write FILE} writes a
 * 6000 × 4000 JPEG; {@code memory FILE} processes it once and prints the process's peak resident memory and the
 * peak heap used while doing so.
 */
public final class ImageBench {

    private ImageBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "throughput" -> throughput(Integer.parseInt(args[1]));
            case "write" -> Files.write(Path.of(args[1]), photo(6000, 4000, 42));
            case "memory" -> memory(Path.of(args[1]));
            default -> throw new IllegalArgumentException("throughput SECONDS | write FILE | memory FILE");
        }
    }

    /** A photo-like JPEG: gradients and noise, so the codec works as it would on a real picture. */
    static byte[] photo(int width, int height, long seed) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height,
                new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(width / 8),
                    20 + random.nextInt(height / 8));
        }
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(17) - 8;
                int r = clamp(((row[x] >> 16) & 0xFF) + noise);
                int gr = clamp(((row[x] >> 8) & 0xFF) + noise);
                int b = clamp((row[x] & 0xFF) + noise);
                row[x] = (r << 16) | (gr << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static void throughput(int seconds) throws Exception {
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            photos.add(photo(1600, 1000, i));
        }
        VariantMaker maker = new VariantMaker(ImageLimits.DEFAULT, VariantSettings.DEFAULT);
        long average = photos.stream().mapToLong(p -> p.length).sum() / photos.size();
        System.out.printf(Locale.ROOT, "1600 x 1000 JPEG photos, %d KB each on average; widths %s%n", average / 1024,
                VariantSettings.DEFAULT.widths());
        run(maker, photos, seconds); // warm-up
        double[] rounds = new double[5];
        double[] images = new double[5];
        for (int round = 0; round < rounds.length; round++) {
            double[] result = run(maker, photos, seconds);
            images[round] = result[0];
            rounds[round] = result[1];
        }
        Arrays.sort(rounds);
        Arrays.sort(images);
        System.out.printf(Locale.ROOT, "variants per second (median of 5 rounds of %d s, one thread): %.1f"
                + " (%.1f images per second, each cleaned, measured and given its variants, colour and preview)%n",
                seconds, rounds[2], images[2]);
    }

    private static double[] run(VariantMaker maker, List<byte[]> photos, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        int done = 0;
        int variants = 0;
        while (System.nanoTime() < end) {
            ProcessedImage processed = maker.make("bench/photo-" + done + ".jpg", photos.get(done % photos.size()));
            variants += processed.variants().size();
            done++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new double[] {done / elapsed, variants / elapsed};
    }

    private static void memory(Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long before = residentPeakKb();
        long start = System.nanoTime();
        ProcessedImage processed = new VariantMaker(ImageLimits.DEFAULT, VariantSettings.DEFAULT)
                .make("bench/large.jpg", original);
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "6000 x 4000 JPEG (%d KB): processed in %.2f s into %d variants;"
                        + " peak heap used %d MiB; process peak RSS %d MiB (%d MiB before processing); max heap %d MiB%n",
                original.length / 1024, seconds, processed.variants().size(), heapPeak / (1024 * 1024),
                residentPeakKb() / 1024, before / 1024, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** VmHWM: the most resident memory the process has had. */
    private static long residentPeakKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
