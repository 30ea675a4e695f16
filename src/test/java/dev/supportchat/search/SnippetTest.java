package dev.supportchat.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.search.Snippet.Range;
import org.junit.jupiter.api.Test;

class SnippetTest {
  @Test
  void aShortMessageIsShownWholeWithEveryMatchMarked() {
    Snippet s = Snippet.of("My refund? The REFUNDED card, not refunds-list.", query("refund"));
    assertThat(s.text()).isEqualTo("My refund? The REFUNDED card, not refunds-list.");
    assertThat(s.cutBefore()).isFalse();
    assertThat(s.cutAfter()).isFalse();
    assertThat(marked(s)).containsExactly("refund", "REFUND", "refund");
  }

  @Test
  void onlyWordBeginningsMatch() {
    Snippet s = Snippet.of("nonrefundable but refundable", query("refund"));
    assertThat(s.highlights()).containsExactly(new Range(18, 24));
  }

  @Test
  void aLongMessageIsCutAroundTheFirstMatchAtWordBoundaries() {
    String before = "lorem ipsum dolor sit amet ".repeat(20);
    String content = before + "the parcel was lost in transit " + "and more text ".repeat(20);
    Snippet s = Snippet.of(content, query("parcel"));
    assertThat(s.text().length()).isLessThanOrEqualTo(Snippet.MAX_LENGTH);
    assertThat(s.cutBefore()).isTrue();
    assertThat(s.cutAfter()).isTrue();
    assertThat(s.text()).contains("the parcel was lost");
    assertThat(Character.isLetter(s.text().charAt(0))).isTrue();
    assertThat(s.text().indexOf("parcel")).isBetween(20, 45);
    assertThat(marked(s)).containsExactly("parcel");
  }

  @Test
  void aMatchNearTheEndStillShowsAFullWindow() {
    String content = "word ".repeat(100) + "invoice";
    Snippet s = Snippet.of(content, query("invoice"));
    assertThat(s.text()).endsWith("invoice");
    assertThat(s.cutAfter()).isFalse();
    assertThat(s.text().length()).isGreaterThan(Snippet.MAX_LENGTH - 10);
  }

  @Test
  void surrogatePairsAreNeverCutInHalf() {
    String content = "😀".repeat(200) + " refund";
    Snippet s = Snippet.of(content, query("refund"));
    assertThat(Character.isLowSurrogate(s.text().charAt(0))).isFalse();
    assertThat(Character.isHighSurrogate(s.text().charAt(s.text().length() - 1))).isFalse();
    Snippet head = Snippet.of("😀".repeat(200), query("refund"));
    assertThat(Character.isHighSurrogate(head.text().charAt(head.text().length() - 1))).isFalse();
  }

  @Test
  void foldedFormsAreMarkedAsWholeWords() {
    Snippet s = Snippet.of("ｒｅｆｕｎｄ please", query("refund"));
    assertThat(marked(s)).containsExactly("ｒｅｆｕｎｄ");
  }

  private static MessageQuery query(String q) {
    return MessageQuery.parse(q);
  }

  private static java.util.List<String> marked(Snippet s) {
    return s.highlights().stream().map(r -> s.text().substring(r.start(), r.end())).toList();
  }
}
