package dev.supportchat.chat;

import java.util.Optional;

/**
 * Answers a user's message automatically when a rule says so (outside business hours). The reply is
 * stored as a message of {@link AutomaticReply#SENDER_ID} with {@code key} as its client message
 * id, so the unique index on (chat, sender, client message id) lets one reply per key into a chat
 * however many messages, retries and nodes ask for it.
 */
@FunctionalInterface
public interface AutomaticReplies {
  /** The reply to this user message in this chat now, if any. */
  Optional<Reply> to(Message userMessage, Chat chat);

  /** What to store; {@code key} at most 100 characters. */
  record Reply(String key, String content) {}

  AutomaticReplies NONE = (m, c) -> Optional.empty();
}
