package io.tfaudit.criteria.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void aNameIsMentionedOnlyAsAWholeWord() {
        assertThat(Words.mentions("deprecated `topic_prefix` in 2.1", "topic_prefix", Words.IDENTIFIER)).isTrue();
        assertThat(Words.mentions("topic_prefix", "topic_prefix", Words.IDENTIFIER)).isTrue();
        assertThat(Words.mentions("new_topic_prefix and topic_prefixes", "topic_prefix", Words.IDENTIFIER)).isFalse();
        assertThat(Words.mentions("see topic_prefix2, then topic_prefix.", "topic_prefix", Words.IDENTIFIER)).isTrue();
        assertThat(Words.mentions("", "x", Words.IDENTIFIER)).isFalse();
        assertThat(Words.mentions(null, "x", Words.IDENTIFIER)).isFalse();
    }

    @Test
    void inProseAHyphenJoinsAWord() {
        assertThat(Words.mentions("the tfgen-cli tool", "tfgen", Words.IDENTIFIER)).isTrue();
        assertThat(Words.mentions("the tfgen-cli tool", "tfgen", Words.HYPHENATED)).isFalse();
        assertThat(Words.mentions("run tfgen, then", "tfgen", Words.HYPHENATED)).isTrue();
    }

    @Test
    void aLetterOutsideAsciiDoesNotJoinAWord() {
        assertThat(Words.mentions("éname", "name", Words.IDENTIFIER)).isTrue();
    }
}
