package dev.supportchat.tools;

import dev.supportchat.chat.ChatStatus;
import dev.supportchat.chat.Priority;

/**
 * What the generator decided about one chat before replaying it: when it starts, how it ends, who
 * handles it and how many messages it has. {@code adminIndex} is -1 for an unassigned chat.
 */
record ChatPlan(
    long createdAt,
    ChatStatus finalStatus,
    Priority priority,
    int adminIndex,
    Kind kind,
    String subject,
    int messageCount) {

  /** The shape of the conversation, which decides who writes and which status changes happen. */
  enum Kind {
    /** The user opened the chat and never wrote (create-or-get without a first message). */
    EMPTY,
    /** Only the user has written so far. */
    AWAITING_REPLY,
    /** User and admins talk; the chat may be assigned, resolved or closed. */
    CONVERSATION,
    /** Resolved once, then the user wrote again, which reopened it. */
    REOPENED;

    /** The fewest messages this shape can have. */
    int minMessages() {
      return switch (this) {
        case EMPTY -> 0;
        case AWAITING_REPLY -> 1;
        case CONVERSATION -> 2;
        case REOPENED -> 3;
      };
    }
  }

  ChatPlan withMessageCount(int n) {
    return new ChatPlan(createdAt, finalStatus, priority, adminIndex, kind, subject, n);
  }
}
