package dev.supportchat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.mail.ReplyEmailRule.Reply;
import dev.supportchat.mail.ReplyEmailRule.Situation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyEmailRuleTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Duration AFTER = Duration.ofMinutes(5);
  private static final List<Reply> ONE =
      List.of(new Reply("Agent Smith", "Try turning it off and on", "text", NOW.minusSeconds(400)));

  @Test
  void someoneAwayWithUnreadRepliesIsEmailed() {
    assertThat(ReplyEmailRule.decide(new Situation("a@x.org", false, false, null, ONE), NOW, AFTER))
        .isInstanceOf(ReplyEmailRule.Send.class);
  }

  @Test
  void nothingIsSentWithoutAddressAfterTurningOffOrWhenEverythingWasRead() {
    assertThat(ReplyEmailRule.decide(new Situation("", false, false, null, ONE), NOW, AFTER))
        .isEqualTo(new ReplyEmailRule.Skip("no email address"));
    assertThat(ReplyEmailRule.decide(new Situation("a@x.org", true, false, null, ONE), NOW, AFTER))
        .isEqualTo(new ReplyEmailRule.Skip("turned off by the person"));
    assertThat(
            ReplyEmailRule.decide(
                new Situation("a@x.org", false, false, null, List.of()), NOW, AFTER))
        .isEqualTo(new ReplyEmailRule.Skip("read in the meantime"));
  }

  @Test
  void someoneConnectedOrSeenRecentlyIsAskedAgainLater() {
    assertThat(ReplyEmailRule.decide(new Situation("a@x.org", false, true, null, ONE), NOW, AFTER))
        .isEqualTo(new ReplyEmailRule.Later(NOW.plus(AFTER)));
    Instant seen = NOW.minusSeconds(60);
    assertThat(ReplyEmailRule.decide(new Situation("a@x.org", false, false, seen, ONE), NOW, AFTER))
        .isEqualTo(new ReplyEmailRule.Later(seen.plus(AFTER)));
    assertThat(
            ReplyEmailRule.decide(
                new Situation("a@x.org", false, false, NOW.minus(AFTER), ONE), NOW, AFTER))
        .isInstanceOf(ReplyEmailRule.Send.class);
  }

  @Test
  void theEmailQuotesTheRepliesLinksBackAndOffersTheWayOut() {
    Email e =
        ReplyEmailRule.compose(
            "a@x.org", "Ann", "Refund", ONE, "https://shop.example/help", "https://s/unsub");
    assertThat(e.subject()).isEqualTo("New reply from support: Refund");
    assertThat(e.text())
        .contains("Hello Ann,")
        .contains("You have a reply from our support team about \"Refund\"")
        .contains("Agent Smith, 2026-12-01 11:53 UTC:\n> Try turning it off and on")
        .contains("Continue the conversation: https://shop.example/help")
        .contains("Stop these emails: https://s/unsub");
    assertThat(e.unsubscribeUrl()).isEqualTo("https://s/unsub");
  }

  @Test
  void aLongBacklogShowsTheNewestRepliesAndLongOnesAreClipped() {
    List<Reply> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(new Reply("A", "reply " + i + " " + "x".repeat(3_000), "text", NOW));
    }
    Email e = ReplyEmailRule.compose("a@x.org", null, null, many, "u", "v");
    assertThat(e.text())
        .contains("You have 30 replies", "the newest 20")
        .doesNotContain("reply 9 ");
    assertThat(e.text()).contains("reply 29 ");
    assertThat(e.text().length()).isLessThan(30 * 2_100);
  }

  @Test
  void aSubjectCannotInjectHeaders() {
    Email e = Email.of("a@x.org", "Hi\r\nBcc: victim@x.org", "t");
    assertThat(e.subject()).isEqualTo("Hi Bcc: victim@x.org");
  }
}
