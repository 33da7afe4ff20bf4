package org.quire.plugin.awscards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.quire.core.ContentEngine;
import org.quire.core.RenderOptions;
import org.quire.core.source.PostSource;

/**
 * A post that names no service renders byte for byte the same with the plugin on and off. Checked on every post of
 * the two real Jekyll sites in the shared corpora, with automatic cards on for every post, so each heading of 607
 * posts goes through the matcher.
 */
class NoServiceNoChangeTest {

    @Test
    void everyCorpusPostWithoutAServiceIsUnchanged() throws IOException {
        CardFixtures withPlugin = new CardFixtures(AwsCardsPlugin.AUTOMATIC, AwsCardsPlugin.AUTOMATIC_ALL);
        ContentEngine without = ContentEngine.standalone();
        List<Path> posts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CardFixtures.shared().resolve("corpora"))) {
            files.filter(f -> f.toString().contains("/_posts/"))
                    .filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".markdown"))
                    .sorted().forEach(posts::add);
        }
        assertThat(posts).hasSizeGreaterThan(500);
        List<String> changed = new ArrayList<>();
        int unchanged = 0;
        try {
            for (Path file : posts) {
                PostSource source = new PostSource(file.getFileName().toString(), CardFixtures.read(file));
                String on = withPlugin.engine.render(source, RenderOptions.untrusted()).html();
                String off = without.render(source, RenderOptions.untrusted()).html();
                if (on.equals(off)) {
                    unchanged++;
                } else {
                    assertThat(on).as("%s changed without a card or mention", file).contains("aws-");
                    changed.add(file.getFileName().toString());
                }
            }
        } finally {
            withPlugin.registry.close();
        }
        // Neither site reviews AWS services; a change would be a heading mistaken for one.
        assertThat(changed).isEmpty();
        assertThat(unchanged).isEqualTo(posts.size());
    }

    @Test
    void aPostTaggedAwsThatNamesNoServiceIsUnchanged() {
        CardFixtures fixtures = new CardFixtures();
        String text = """
                ---
                title: Connecting things
                tags: [AWS]
                ---
                ## Connect to the database

                ## Backup strategy

                ## Batch processing with cron

                ## 总结

                Links: [home](/), <https://aws.amazon.com/>.
                """;
        try {
            String on = fixtures.render("t.md", text).html();
            String off = ContentEngine.standalone().render(new PostSource("t.md", text), RenderOptions.untrusted()).html();
            assertThat(on).isEqualTo(off);
        } finally {
            fixtures.registry.close();
        }
    }
}
