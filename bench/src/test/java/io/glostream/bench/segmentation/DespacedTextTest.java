package io.glostream.bench.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.bench.segmentation.DespacedText.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class DespacedTextTest {

    @Test
    void joinsChineseWordsWithoutSpacesAndRecordsTheirSpans() {
        DespacedText despaced = DespacedText.of("第三 季度  市场");

        assertEquals("第三季度市场", despaced.text());
        assertEquals(List.of(new Word("第三", 0, 2), new Word("季度", 2, 4), new Word("市场", 4, 6)), despaced.words());
        assertEquals(2, despaced.removedSpaces());
        assertTrue(despaced.wasSegmented());
    }

    @Test
    void keepsOneSpaceBetweenWordsOfScriptsThatSpaceTheirWords() {
        DespacedText despaced = DespacedText.of("ipad  mini 好 用 2012");

        assertEquals("ipad mini好用2012", despaced.text());
        assertEquals(List.of(new Word("ipad", 0, 4), new Word("mini", 5, 9), new Word("好", 9, 10),
                new Word("用", 10, 11), new Word("2012", 11, 15)), despaced.words());
        assertEquals(3, despaced.removedSpaces());
    }

    @Test
    void splitsOnEveryKindOfWhitespaceLikeTheWhitespaceTokenizer() {
        assertEquals("第三季度市场", DespacedText.of("\t第三\u3000季度\n市场 ").text());
    }

    @Test
    void oneWordIsNotSegmentedText() {
        DespacedText despaced = DespacedText.of("中华人民共和国");

        assertEquals("中华人民共和国", despaced.text());
        assertEquals(List.of(new Word("中华人民共和国", 0, 7)), despaced.words());
        assertFalse(despaced.wasSegmented());
    }

    @Test
    void blankTextHasNoWords() {
        DespacedText despaced = DespacedText.of(" \t ");

        assertEquals("", despaced.text());
        assertEquals(List.of(), despaced.words());
        assertFalse(despaced.wasSegmented());
    }

    @Test
    void spansCountUtf16UnitsOfCharactersOutsideTheBasicPlane() {
        DespacedText despaced = DespacedText.of("𠀋 市场");

        assertEquals(List.of(new Word("𠀋", 0, 2), new Word("市场", 2, 4)), despaced.words());
        assertEquals(1, despaced.removedSpaces());
    }
}
