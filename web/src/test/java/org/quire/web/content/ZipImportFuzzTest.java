package org.quire.web.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The zip importer's unpacking against generated archives (climbing, absolute and odd entry names, duplicates, then
 * cut short or with bytes flipped): it either refuses saying why or unpacks every file inside its folder; nothing is
 * ever written beside it, and nothing else is thrown.
 */
class ZipImportFuzzTest {

    @Provide
    Arbitrary<String> entryNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("_posts/2024-01-01-a.md", "_config.yml", "site/_posts/2024-01-02-b.md", "../x.md",
                        "../../outside/x.md", "/etc/passwd", "a/../../b.md", "a/./b.md", "C:\\x.md", "a\\..\\b.md",
                        "dir/", "dir//file.md", "x\u0000.md", "..", ".", "assets/img.png", "_posts/", "a/b/c/d/e/f.md",
                        "é/漢字.md", "_posts/2024-01-01-a.md"),
                Arbitraries.strings().withChars("ab./\\_-:").ofMinLength(1).ofMaxLength(12));
    }

    @Provide
    Arbitrary<byte[]> archives() {
        Arbitrary<List<String>> names = entryNames().list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<Integer> damage = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 10_000);
        return Combinators.combine(names, damage, where).as((list, kind, at) -> {
            byte[] zip = zip(list);
            if (kind == 1) {
                return java.util.Arrays.copyOf(zip, at % zip.length);
            }
            if (kind == 2) {
                zip[at % zip.length] ^= (byte) 0x5A;
            }
            return zip;
        });
    }

    @Property(tries = 400)
    void anArchiveIsRefusedOrUnpackedInsideItsFolder(@ForAll("archives") byte[] archive) throws IOException {
        Path work = Files.createTempDirectory("quire-zip-property-");
        try {
            Path zip = work.resolve("site.zip");
            Files.write(zip, archive);
            Path target = Files.createDirectories(work.resolve("a/b/target"));
            assertThatCode(() -> {
                try {
                    SafeZip.extract(zip, target, SafeZip.Limits.defaults());
                } catch (SafeZip.Refused refused) {
                    assertThat(refused.getMessage()).isNotBlank();
                }
            }).doesNotThrowAnyException();
            try (Stream<Path> all = Files.walk(work)) {
                for (Path path : all.toList()) {
                    assertThat(path.equals(zip) || path.startsWith(target) || target.startsWith(path))
                            .as("%s was written outside the target folder", work.relativize(path)).isTrue();
                }
            }
        } finally {
            ImportJobs.deleteTree(work);
        }
    }

    private static byte[] zip(List<String> names) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (String name : names) {
                    if (!seen.add(name)) {
                        continue; // ZipOutputStream itself refuses duplicates
                    }
                    out.putNextEntry(new ZipEntry(name));
                    if (!name.endsWith("/")) {
                        out.write(("---\ntitle: " + name + "\n---\nbody\n").getBytes(StandardCharsets.UTF_8));
                    }
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
