package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonTextTest {

    /**
     * Every BMP character for which Python 3.11's {@code str.isspace()} is true, printed by
     * {@code [hex(c) for c in range(0x10000) if chr(c).isspace()]}.
     */
    private static final int[] PYTHON_WHITESPACE = {
        0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
        0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000};

    @Test
    void whitespaceIsExactlyPythonsAcrossTheBasicMultilingualPlane() {
        List<Integer> ours = new ArrayList<>();
        for (int c = 0; c < 0x10000; c++) {
            if (PythonText.isPythonWhitespace((char) c)) {
                ours.add(c);
            }
        }
        List<Integer> python = new ArrayList<>();
        for (int c : PYTHON_WHITESPACE) {
            python.add(c);
        }
        assertEquals(python, ours);
    }

    @Test
    void splitDropsLeadingTrailingAndRepeatedWhitespace() {
        assertEquals(List.of("a", "b", "c"), PythonText.split("  a\u3000\u3000b\r\nc\t"));
    }

    @Test
    void splitOfBlankTextIsEmpty() {
        assertEquals(List.of(), PythonText.split(" \t "));
    }

    @Test
    void tokensAreLowerCasedFirst() {
        assertEquals(List.of("the", "nba", "北京"), PythonText.lowerCasedTokens("The NBA 北京"));
    }
}
