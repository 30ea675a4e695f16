package dev.supportchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.chat.StatusFlow.ResponseClock;
import dev.supportchat.chat.StatusFlow.StatusSet;
import dev.supportchat.chat.StatusFlow.Step;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The status flow's rules one by one, as plain functions: no database, no service. */
class StatusFlowTest {
  private static final long CREATED = 1_000;

  @Test
  void aNewChatIsOpen() {
    assertThat(StatusFlow.created()).isEqualTo(ChatStatus.OPEN);
  }

  @Nested
  class Assignment {
    @Test
    void assigningAnOpenChatMakesItInProgress() {
      assertThat(StatusFlow.assigned(ChatStatus.OPEN))
          .isEqualTo(new Step(ChatStatus.IN_PROGRESS, true));
    }

    @ParameterizedTest
    @EnumSource(value = ChatStatus.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void assigningAnyOtherChatLeavesItsStatus(ChatStatus status) {
      assertThat(StatusFlow.assigned(status)).isEqualTo(new Step(status, false));
    }

    @Test
    void unassigningAnInProgressChatPutsItBackToOpen() {
      assertThat(StatusFlow.unassigned(ChatStatus.IN_PROGRESS)).isEqualTo(ChatStatus.OPEN);
    }

    @ParameterizedTest
    @EnumSource(value = ChatStatus.class, names = "IN_PROGRESS", mode = EnumSource.Mode.EXCLUDE)
    void unassigningAnyOtherChatLeavesItsStatus(ChatStatus status) {
      assertThat(StatusFlow.unassigned(status)).isEqualTo(status);
    }
  }

  @Nested
  class StatusSetByAnAdmin {
    @Test
    void resolvingAnUnfinishedChatTimesTheResolutionFromItsCreation() {
      StatusSet set =
          StatusFlow.setByAdmin(ChatStatus.IN_PROGRESS, ChatStatus.RESOLVED, CREATED, 5_000);
      assertThat(set).isEqualTo(new StatusSet(new Step(ChatStatus.RESOLVED, true), 4_000L));
    }

    @Test
    void closingAnOpenChatIsAResolutionToo() {
      assertThat(
              StatusFlow.setByAdmin(ChatStatus.OPEN, ChatStatus.CLOSED, CREATED, 2_500)
                  .resolutionMs())
          .isEqualTo(1_500L);
    }

    @Test
    void closingAResolvedChatKeepsTheFirstResolutionTime() {
      StatusSet set = StatusFlow.setByAdmin(ChatStatus.RESOLVED, ChatStatus.CLOSED, CREATED, 9_000);
      assertThat(set).isEqualTo(new StatusSet(new Step(ChatStatus.CLOSED, true), null));
    }

    @Test
    void movingBetweenUnfinishedStatusesTimesNothing() {
      StatusSet set =
          StatusFlow.setByAdmin(ChatStatus.IN_PROGRESS, ChatStatus.OPEN, CREATED, 9_000);
      assertThat(set).isEqualTo(new StatusSet(new Step(ChatStatus.OPEN, true), null));
    }

    @Test
    void noStatusKeepsTheStatusAsItIs() {
      StatusSet set = StatusFlow.setByAdmin(ChatStatus.RESOLVED, null, CREATED, 9_000);
      assertThat(set).isEqualTo(new StatusSet(new Step(ChatStatus.RESOLVED, false), null));
    }

    @Test
    void settingTheSameStatusIsNoChange() {
      assertThat(
              StatusFlow.setByAdmin(ChatStatus.OPEN, ChatStatus.OPEN, CREATED, 9_000)
                  .step()
                  .changed())
          .isFalse();
    }
  }

  @Nested
  class Messages {
    @ParameterizedTest
    @EnumSource(
        value = ChatStatus.class,
        names = {"RESOLVED", "CLOSED"})
    void aUserMessageReopensAFinishedChat(ChatStatus finished) {
      assertThat(StatusFlow.afterMessage(finished, true))
          .isEqualTo(new Step(ChatStatus.OPEN, true));
    }

    @ParameterizedTest
    @EnumSource(
        value = ChatStatus.class,
        names = {"OPEN", "IN_PROGRESS"})
    void aUserMessageLeavesAnUnfinishedChatAsItIs(ChatStatus unfinished) {
      assertThat(StatusFlow.afterMessage(unfinished, true)).isEqualTo(new Step(unfinished, false));
    }

    @ParameterizedTest
    @EnumSource(ChatStatus.class)
    void anAdminMessageOrNoteNeverMovesTheStatus(ChatStatus status) {
      assertThat(StatusFlow.afterMessage(status, false)).isEqualTo(new Step(status, false));
    }
  }

  @Nested
  class ResponseTimes {
    @Test
    void theFirstUserMessageStartsTheClock() {
      assertThat(ResponseClock.NOT_STARTED.afterMessage(true, false, 100))
          .isEqualTo(new ResponseClock(100L, null));
    }

    @Test
    void laterUserMessagesDoNotRestartIt() {
      assertThat(new ResponseClock(100L, null).afterMessage(true, false, 300))
          .isEqualTo(new ResponseClock(100L, null));
    }

    @Test
    void theFirstPublicAdminReplyStopsIt() {
      assertThat(new ResponseClock(100L, null).afterMessage(false, false, 350))
          .isEqualTo(new ResponseClock(100L, 250L));
    }

    @Test
    void anInternalNoteIsNoAnswer() {
      assertThat(new ResponseClock(100L, null).afterMessage(false, true, 350))
          .isEqualTo(new ResponseClock(100L, null));
    }

    @Test
    void aReplyBeforeAnyUserMessageStopsNothing() {
      assertThat(ResponseClock.NOT_STARTED.afterMessage(false, false, 50))
          .isEqualTo(ResponseClock.NOT_STARTED);
    }

    @Test
    void laterRepliesKeepTheFirstResponseTime() {
      assertThat(new ResponseClock(100L, 250L).afterMessage(false, false, 900))
          .isEqualTo(new ResponseClock(100L, 250L));
    }
  }

  @org.junit.jupiter.api.Test
  void aMergedConversationIsLiveIfEitherWas() {
    assertThat(StatusFlow.merged(ChatStatus.RESOLVED, ChatStatus.OPEN)).isEqualTo(ChatStatus.OPEN);
    assertThat(StatusFlow.merged(ChatStatus.CLOSED, ChatStatus.IN_PROGRESS))
        .isEqualTo(ChatStatus.IN_PROGRESS);
    assertThat(StatusFlow.merged(ChatStatus.IN_PROGRESS, ChatStatus.OPEN))
        .isEqualTo(ChatStatus.IN_PROGRESS);
    assertThat(StatusFlow.merged(ChatStatus.OPEN, ChatStatus.RESOLVED)).isEqualTo(ChatStatus.OPEN);
    assertThat(StatusFlow.merged(ChatStatus.RESOLVED, ChatStatus.CLOSED))
        .isEqualTo(ChatStatus.RESOLVED);
  }
}
