package org.quire.web.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quire.web.editorial.LineDiff.Line;
import org.quire.web.editorial.LineDiff.Op;

class LineDiffTest {

    @Test
    void marksRemovedAndAddedLinesBetweenCommonOnes() {
        List<Line> diff = LineDiff.between("title\nA\nB\nC\nend\n", "title\nA\nC\nD\nend\n");
        assertThat(LineDiff.render(diff)).isEqualTo(" title\n A\n-B\n C\n+D\n end\n \n");
        assertThat(diff).filteredOn(l -> l.op() == Op.SAME).hasSize(5);
    }

    @Test
    void emptyAndIdenticalTexts() {
        assertThat(LineDiff.between("", "one\ntwo")).extracting(Line::op).containsExactly(Op.ADDED, Op.ADDED);
        assertThat(LineDiff.between("one\ntwo", "")).extracting(Line::op).containsExactly(Op.REMOVED, Op.REMOVED);
        assertThat(LineDiff.between("same\r\ntext", "same\ntext")).extracting(Line::op).containsOnly(Op.SAME);
    }

    @Test
    void applyingTheDiffGivesBackBothTexts() {
        String before = "a\nb\nc\nd\ne\nf\ng";
        String after = "a\nx\nc\ny\ne\nf\nz\ng\nh";
        List<Line> diff = LineDiff.between(before, after);
        assertThat(String.join("\n", diff.stream().filter(l -> l.op() != Op.ADDED).map(Line::text).toList()))
                .isEqualTo(before);
        assertThat(String.join("\n", diff.stream().filter(l -> l.op() != Op.REMOVED).map(Line::text).toList()))
                .isEqualTo(after);
        // Minimal: only the changed lines differ.
        assertThat(diff).filteredOn(l -> l.op() != Op.SAME).hasSize(6);
    }
}
