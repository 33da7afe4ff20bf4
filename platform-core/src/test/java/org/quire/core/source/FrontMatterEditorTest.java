package org.quire.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quire.core.ContentEngine;

class FrontMatterEditorTest {

    private static List<String> tagsOf(String source) {
        return ContentEngine.standalone().read(new PostSource("2020-01-01-x.md", source)).metadata().tags().stream()
                .map(t -> t.name()).toList();
    }

    @Test
    void replacesAFlowListAndKeepsEveryOtherByte() {
        String source = "---\ntitle: \"Keep: me\"\ntags: [Nova, aws]\n# a comment\nlayout: post\n---\nBody\n";
        String edited = FrontMatterEditor.withList(source, "tags", List.of("OpenStack Nova", "aws"));
        assertThat(edited).isEqualTo("---\ntitle: \"Keep: me\"\ntags: [\"OpenStack Nova\", \"aws\"]\n# a comment\n"
                + "layout: post\n---\nBody\n");
        assertThat(tagsOf(edited)).containsExactly("OpenStack Nova", "aws");
    }

    @Test
    void replacesABlockListWrittenEitherWay() {
        String indented = "---\ntags:\n  - Nova\n  - \"C++\"\ntitle: T\n---\nx\n";
        assertThat(FrontMatterEditor.withList(indented, "tags", List.of("C++", "云计算")))
                .isEqualTo("---\ntags: [\"C++\", \"云计算\"]\ntitle: T\n---\nx\n");
        String flush = "---\ntags:\n- a\n- b\n\ntitle: T\n---\nx\n";
        assertThat(tagsOf(FrontMatterEditor.withList(flush, "tags", List.of("b")))).containsExactly("b");
        assertThat(FrontMatterEditor.withList(flush, "tags", List.of("b"))).contains("title: T\n");
    }

    @Test
    void aStringOfTagsAddingRemovingAndQuoting() {
        assertThat(FrontMatterEditor.withList("---\ntags: a b\n---\n", "tags", List.of("say \"hi\" \\ o/")))
                .isEqualTo("---\ntags: [\"say \\\"hi\\\" \\\\ o/\"]\n---\n");
        assertThat(tagsOf(FrontMatterEditor.withList("---\ntags: a b\n---\n", "tags", List.of("say \"hi\" \\ o/"))))
                .containsExactly("say \"hi\" \\ o/");
        assertThat(FrontMatterEditor.withList("---\ntitle: T\n---\nx", "tags", List.of("new")))
                .isEqualTo("---\ntitle: T\ntags: [\"new\"]\n---\nx");
        assertThat(FrontMatterEditor.withList("---\ntitle: T\ntags: [a]\n---\nx", "tags", List.of()))
                .isEqualTo("---\ntitle: T\n---\nx");
        assertThat(FrontMatterEditor.withList("Just text\n", "tags", List.of("a")))
                .isEqualTo("---\ntags: [\"a\"]\n---\nJust text\n");
        assertThat(FrontMatterEditor.withList("---\r\ntags: [a]\r\n---\r\nx", "tags", List.of("b")))
                .isEqualTo("---\r\ntags: [\"b\"]\r\n---\r\nx");
        // A key that merely starts the same is another key.
        assertThat(FrontMatterEditor.withList("---\ntagsline: keep\n---\n", "tags", List.of("a")))
                .isEqualTo("---\ntagsline: keep\ntags: [\"a\"]\n---\n");
        assertThat(FrontMatterEditor.withList("\uFEFF---\ntitle: T\ntags: [a]\n---\nx", "tags", List.of("b")))
                .isEqualTo("\uFEFF---\ntitle: T\ntags: [\"b\"]\n---\nx");
        assertThatThrownBy(() -> FrontMatterEditor.withList("---\ntags: [a]\n", "tags", List.of("b")))
                .hasMessageContaining("never closed");
    }
}
