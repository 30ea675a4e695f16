package dev.supportchat.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.error.AppException;
import dev.supportchat.error.ErrorCode;
import org.junit.jupiter.api.Test;

class InboxRulesTest {

  @Test
  void aShortcutIsStoredInLowerCaseWithoutItsSlash() {
    assertThat(InboxRules.shortcut("/Refund")).isEqualTo("refund");
    assertThat(InboxRules.shortcut("  late-order_2 ")).isEqualTo("late-order_2");
    assertThat(InboxRules.shortcut("a".repeat(32))).hasSize(32);
  }

  @Test
  void aShortcutIsRefusedWhenEmptyTooLongOrOutsideItsCharacters() {
    for (String bad :
        new String[] {null, "", " ", "/", "a".repeat(33), "re fund", "-x", "é", "a/b", "<b>"}) {
      assertThatThrownBy(() -> InboxRules.shortcut(bad))
          .as(String.valueOf(bad))
          .isInstanceOf(AppException.class)
          .satisfies(e -> assertThat(((AppException) e).code()).isEqualTo(ErrorCode.INVALID))
          .hasMessageContaining("shortcut");
    }
  }

  @Test
  void aBodyIsRequiredAndAtMostOneMessageLong() {
    assertThat(InboxRules.replyBody("  Hello  ")).isEqualTo("Hello");
    assertThatThrownBy(() -> InboxRules.replyBody(" ")).hasMessageContaining("body is required");
    assertThatCode(() -> InboxRules.replyBody("x".repeat(5000))).doesNotThrowAnyException();
    assertThatThrownBy(() -> InboxRules.replyBody("x".repeat(5001)))
        .satisfies(e -> assertThat(((AppException) e).code()).isEqualTo(ErrorCode.TOO_LARGE));
  }

  @Test
  void variablesAreListedOnceInOrderAndTheUnknownOnesNamed() {
    String body = "Hi {{user.name}}, {{ agent.name }} here. {{user.name}} {{order.id}} {{ nope";
    assertThat(InboxRules.variables(body)).containsExactly("user.name", "agent.name", "order.id");
    assertThat(InboxRules.unknownVariables(body)).containsExactly("order.id");
    assertThat(InboxRules.unknownVariables("{{user.email}}")).isEmpty();
  }

  @Test
  void theTeamKeepsAtMost500SavedReplies100LabelsAnd10LabelsAChat() {
    assertThatCode(() -> InboxRules.checkRoomForReply(499)).doesNotThrowAnyException();
    assertThatThrownBy(() -> InboxRules.checkRoomForReply(500))
        .satisfies(e -> assertThat(((AppException) e).code()).isEqualTo(ErrorCode.CONFLICT))
        .hasMessageContaining("500 saved replies");
    assertThatCode(() -> InboxRules.checkRoomForLabel(99)).doesNotThrowAnyException();
    assertThatThrownBy(() -> InboxRules.checkRoomForLabel(100)).hasMessageContaining("100 labels");
    assertThatCode(() -> InboxRules.checkRoomOnChat(9)).doesNotThrowAnyException();
    assertThatThrownBy(() -> InboxRules.checkRoomOnChat(10)).hasMessageContaining("at most 10");
  }

  @Test
  void aColourIsHashAndSixHexDigitsStoredInLowerCase() {
    assertThat(InboxRules.colour("#2F6FDE")).isEqualTo("#2f6fde");
    for (String bad :
        new String[] {null, "", "2f6fde", "#2f6fd", "#2f6fdeff", "red", "#ggg000", "url(x)"}) {
      assertThatThrownBy(() -> InboxRules.colour(bad))
          .as(String.valueOf(bad))
          .hasMessageContaining("#rrggbb");
    }
  }

  @Test
  void aLabelNameIsOneLineOfAtMost40CharactersAndItsKeyIgnoresCase() {
    assertThat(InboxRules.labelName("  Billing ")).isEqualTo("Billing");
    assertThat(InboxRules.labelKey("Billing")).isEqualTo(InboxRules.labelKey("BILLING"));
    for (String bad : new String[] {null, " ", "x".repeat(41), "two\nlines"}) {
      assertThatThrownBy(() -> InboxRules.labelName(bad))
          .as(String.valueOf(bad))
          .hasMessageContaining("name");
    }
  }
}
