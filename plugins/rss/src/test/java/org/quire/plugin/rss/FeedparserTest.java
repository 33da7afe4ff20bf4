package org.quire.plugin.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quire.api.PageRoute;
import org.quire.core.plugin.PluginRegistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every feed the plugin writes, read by an independent parser: Debian's python3-feedparser under the system
 * Python. Part of the integration profile (it needs the Debian package); it fails, never skips, without it.
 */
@Tag("feedparser")
class FeedparserTest {

    @Test
    void everyFeedParsesCleanlyWithEveryRequiredElement() throws Exception {
        PluginRegistry registry = FeedFixtures.registry(FeedFixtures.host());
        Path folder = Files.createDirectories(Path.of("target/feeds"));
        List<String> files = new ArrayList<>();
        for (PageRoute route : registry.active().get(0).routes()) {
            for (String path : route.paths()) {
                Path file = folder.resolve(path.substring(1).replace('/', '_').replace('%', '='));
                Files.write(file, route.render(path).orElseThrow().body());
                files.add(file.toString());
            }
        }
        assertThat(files).as("3 site feeds, and 3 for each of 5 tags, 2 categories and 2 authors").hasSize(30);

        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "src/test/python/check_feeds.py"));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("feedparser run (is python3-feedparser installed?): %s", errors).isZero();

        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode result = json.readTree(line);
            String file = result.path("file").asText();
            assertThat(result.path("bozo").asInt()).as("bozo for %s: %s", file, result.path("bozo_exception").asText())
                    .isZero();
            assertThat(result.path("version").asText()).as("version of %s", file).isIn("rss20", "atom10", "json11");
            assertThat(result.path("title").asText()).as("title of %s", file).isNotBlank();
            assertThat(result.path("link").asText()).as("link of %s", file).startsWith("https://example.org/");
            assertThat(result.path("entries")).as("entries of %s", file).isNotEmpty();
            for (JsonNode entry : result.path("entries")) {
                assertThat(entry.path("title").asText()).as("entry title in %s", file).isNotBlank();
                assertThat(entry.path("link").asText()).as("entry link in %s", file).startsWith("https://example.org/");
                assertThat(entry.path("id").asText()).as("entry id in %s", file).startsWith("tag:example.org,");
                assertThat(entry.path("published").asBoolean()).as("entry date in %s", file).isTrue();
                assertThat(entry.path("author").asText()).as("entry author in %s", file).isNotBlank();
                assertThat(entry.path("has_content").asBoolean()).as("entry content in %s", file).isTrue();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(files.size());
        registry.close();
    }

}
