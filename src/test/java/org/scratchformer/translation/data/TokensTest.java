package org.scratchformer.translation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void splitsOnSpacesAndAroundHyphens() {
        assertEquals(List.of("deux", "cent", "quatre", "-", "vingt", "-",
                "un"), Tokens.split("  deux cent\tquatre-vingt-un "));
        assertEquals(List.of("a", "-", "-", "b"), Tokens.split("a--b"));
        assertEquals(List.of("-", "a"), Tokens.split("-a"));
    }

    @Test
    void joinsHyphensWithoutSpaces() {
        assertEquals("quatre-vingt-un mille",
                Tokens.join(List.of("quatre", "-", "vingt", "-", "un",
                        "mille")));
        assertEquals("vingt et un", Tokens.join(List.of("vingt", "et",
                "un")));
        assertEquals("", Tokens.join(List.of()));
        // a model's malformed output still prints as it is
        assertEquals("-vingt-", Tokens.join(List.of("-", "vingt", "-")));
    }
}
