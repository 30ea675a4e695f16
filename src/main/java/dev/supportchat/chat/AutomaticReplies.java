package dev.supportchat.chat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers a user's message automatically when a rule says so (outside business hours). The reply is
 * stored as a message of {@link AutomaticReply#SENDER_ID} with {@code key} as its client message
 * id, so the unique index on (chat, sender, client message id) lets one reply per key into a chat
 * however many messages, retries and nodes ask for it.
 */
@FunctionalInterface
public interface AutomaticReplies {
  /**
   * The reply to a user's message sent at {@code at} in this chat, if any. Called by the message
   * writer inside the message's transaction, on its connection: it must be quick and must not
   * write.
   */
  Optional<Reply> to(Connection c, String chatId, Instant at) throws SQLException;

  /** What to store; {@code key} at most 100 characters. */
  record Reply(String key, String content) {}

  AutomaticReplies NONE = (c, chatId, at) -> Optional.empty();
}
