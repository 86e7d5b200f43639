package vn.ioc.analytics.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers are given again only for the build they were read from; the last one stays for outages. */
class KeptAnswersTest {
    @Test
    void anAnswerIsGivenAgainForItsBuildOnly() {
        KeptAnswers<List<String>> kept = new KeptAnswers<>(100, List::size);
        kept.keep("ranking 79", "build 1", List.of("a", "b"));

        assertEquals(Optional.of(List.of("a", "b")), kept.from("ranking 79", "build 1"));
        assertTrue(kept.from("ranking 79", "build 2").isEmpty(), "a new build asks again");
        assertTrue(kept.from("ranking 01", "build 1").isEmpty());
        assertEquals(Optional.of(List.of("a", "b")), kept.last("ranking 79"), "the last answer stays for when the warehouse cannot answer");
        assertEquals(2, kept.weight());
    }

    @Test
    void anAnswerOfNoKnownBuildIsNeverCurrent() {
        KeptAnswers<String> kept = new KeptAnswers<>(100, answer -> 1);
        kept.keep("freshness", null, "x");

        assertTrue(kept.from("freshness", null).isEmpty());
        assertEquals(Optional.of("x"), kept.last("freshness"));
    }

    @Test
    void whatIsKeptStaysWithinItsWeight() {
        KeptAnswers<List<Integer>> kept = new KeptAnswers<>(10, List::size);
        for (int i = 0; i < 20; i++) {
            kept.keep("question " + i, "build", List.of(1, 2, 3));
        }
        assertTrue(kept.weight() <= 10, "kept " + kept.weight());
    }
}
