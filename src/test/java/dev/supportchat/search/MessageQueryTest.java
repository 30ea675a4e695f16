package dev.supportchat.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.error.AppException;
import org.junit.jupiter.api.Test;

class MessageQueryTest {
  @Test
  void wordsAreLowerCasedLettersAndDigitsAndTheLastIsAPrefix() {
    MessageQuery q = MessageQuery.parse("  Refund, ORDER #4711-b ");
    assertThat(q.words()).containsExactly("refund", "order", "4711");
    assertThat(q.asTsQuery()).isEqualTo("'refund' & 'order' & '4711':*");
    assertThat(q.asFts5()).isEqualTo("\"refund\" \"order\" \"4711\"*");
  }

  @Test
  void querySyntaxOfEitherEngineIsOnlyASeparator() {
    MessageQuery q = MessageQuery.parse("a\" OR \"b' | !c:* & NEAR(x y) -- ;DROP");
    assertThat(q.words()).containsExactly("or", "near", "drop");
    assertThat(q.asFts5()).doesNotContain("(").doesNotContain("'");
    assertThat(q.asTsQuery()).doesNotContain("|").doesNotContain("!");
  }

  @Test
  void compatibilityFormsAndOtherScriptsAreWords() {
    assertThat(MessageQuery.parse("ｒｅｆｕｎｄ").words()).containsExactly("refund");
    assertThat(MessageQuery.parse("Straße größe").words()).containsExactly("straße", "größe");
    assertThat(MessageQuery.parse("استرداد").words()).containsExactly("استرداد");
  }

  @Test
  void repeatedWordsCountOnce() {
    assertThat(MessageQuery.parse("card CARD card").words()).containsExactly("card");
  }

  @Test
  void refusesWhatCannotBeSearchedWithASentence() {
    assertRefused("", "Type a word");
    assertRefused("   ", "Type a word");
    assertRefused("a b ! ?", "at least 2 letters");
    assertRefused("x".repeat(201), "at most 200 characters");
    assertRefused("aa bb cc dd ee ff gg hh ii", "at most 8 words");
    assertRefused("bad\u0000input", "NUL");
  }

  private static void assertRefused(String q, String message) {
    assertThatThrownBy(() -> MessageQuery.parse(q))
        .isInstanceOf(AppException.class)
        .hasMessageContaining(message);
  }
}
