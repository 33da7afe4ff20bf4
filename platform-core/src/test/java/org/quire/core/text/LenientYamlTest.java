package org.quire.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class LenientYamlTest {

    private static LenientYaml.Result load(String text) {
        return LenientYaml.load(new Yaml(new SafeConstructor(new LoaderOptions())), text, 2);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> values(LenientYaml.Result result) {
        return (Map<Object, Object>) result.value();
    }

    @Test
    void aBrokenLineLosesItsOwnKeyAndNotTheKeysAboveIt() {
        LenientYaml.Result result = load("a: 1\ntitle: \"Foo\" bar\nb: 2\nc: [x] y\nd: 4\n");
        assertThat(values(result)).containsEntry("a", 1).containsEntry("b", 2).containsEntry("d", 4)
                .doesNotContainKeys("title", "c");
        assertThat(result.losses()).extracting(LenientYaml.Loss::key, LenientYaml.Loss::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("title", 3),
                        org.assertj.core.groups.Tuple.tuple("c", 5));
    }

    @Test
    void anUnclosedListIsBlamedOnItsKeyWithTheFilesLineNumbers() {
        LenientYaml.Result result = load("title: T\ntags: [a, b\nauthor: x\n");
        assertThat(result.losses()).singleElement().satisfies(loss -> {
            assertThat(loss.key()).isEqualTo("tags");
            assertThat(loss.line()).isEqualTo(3);
            assertThat(loss.problem()).doesNotContain("(line 2)");
        });
        assertThat(values(result)).containsEntry("title", "T").containsEntry("author", "x");
    }

    @Test
    void tabsArePsychsSpaceOnlyBetweenTokens() {
        LenientYaml.Result result = load("x: the '90s\tera\ny:\tz\t# comment\nw: 'a\tb'\nlist: [a,\tb]\t\r\nlast: 1\r\n");
        assertThat(result.losses()).isEmpty();
        assertThat(values(result)).containsEntry("x", "the '90s\tera").containsEntry("y", "z")
                .containsEntry("w", "a\tb").containsEntry("list", java.util.List.of("a", "b"))
                .containsEntry("last", 1);
    }

    @Test
    void aTabIndentedLineIsLeftOutAlone() {
        LenientYaml.Result result = load("title: Kept\n\tbroken: indented with a tab\npaginate: 7\n");
        assertThat(values(result)).containsEntry("title", "Kept").containsEntry("paginate", 7);
        assertThat(result.losses()).extracting(LenientYaml.Loss::line).containsExactly(3);
    }

    @Test
    void blockTextKeepsItsTabs() {
        LenientYaml.Result result = load("code: |\n  a\tb\n  c\t\nnext: 1\n");
        assertThat(values(result)).containsEntry("code", "a\tb\nc\t\n").containsEntry("next", 1);
    }
}
