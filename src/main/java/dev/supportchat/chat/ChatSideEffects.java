package dev.supportchat.chat;

import dev.supportchat.chat.ChatRepository.Appended;
import dev.supportchat.store.Pipeline;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What other features write in the same transaction as a chat change: the outbox items it causes
 * (emails, webhook deliveries) and the assignments it makes possible, so they exist if and only if
 * the change committed. Implementations only write rows; they never send anything from inside the
 * transaction.
 */
public interface ChatSideEffects {
  /**
   * First thing in a transaction that changes a chat's status or agent, before the chat's row is
   * locked: locks a later hook of the same transaction needs are taken here, so that every such
   * transaction takes its locks in one order and none can deadlock another.
   */
  default void beforeChange(Connection c) throws SQLException {}

  /**
   * Messages just stored (duplicates excluded), each with its chat as committed: the rows they
   * cause, queued on {@code writes}, which the message writer sends with its own last statements
   * and the commit (one round trip on PostgreSQL, however many features write). The writer calls it
   * only through {@link #beforeMessagesStored}, whose default runs it.
   */
  default void messagesStored(Pipeline writes, List<Appended> stored) {}

  /**
   * How the message writer calls {@link #messagesStored}: first this, before it sends the batch's
   * first statements, so that the reads it queues on {@code reads} travel with them (one round trip
   * on PostgreSQL instead of one more per read; they run once the batch's chats are locked, before
   * its messages are inserted); then, once the messages are stored, what this returns, in the same
   * transaction. Override it when messagesStored reads before it writes.
   */
  default MessagesStored beforeMessagesStored(Pipeline reads) {
    return this::messagesStored;
  }

  /** What {@link #messagesStored} does once its reads arrived. */
  @FunctionalInterface
  interface MessagesStored {
    void run(Pipeline writes, List<Appended> stored);
  }

  /** A chat was just created (before its first message is stored). */
  default void chatCreated(Connection c, Chat chat) throws SQLException {}

  /** An admin changed a chat's status (called only when the status changed). */
  default void statusChanged(Connection c, Chat before, Chat after) throws SQLException {}

  /** A chat was assigned; {@code before} is the chat as it was. */
  default void assigned(Connection c, Chat before, Chat after) throws SQLException {}

  /** The chat's user rated its current resolution. */
  default void rated(Connection c, Chat chat, Rating rating) throws SQLException {}

  ChatSideEffects NONE = new ChatSideEffects() {};

  /** All of them, in order. */
  static ChatSideEffects all(List<ChatSideEffects> effects) {
    List<ChatSideEffects> copy = List.copyOf(effects);
    return new ChatSideEffects() {
      @Override
      public void beforeChange(Connection c) throws SQLException {
        for (ChatSideEffects e : copy) {
          e.beforeChange(c);
        }
      }

      @Override
      public MessagesStored beforeMessagesStored(Pipeline reads) {
        List<MessagesStored> each = new ArrayList<>(copy.size());
        for (ChatSideEffects e : copy) {
          each.add(e.beforeMessagesStored(reads));
        }
        return (writes, stored) -> {
          for (MessagesStored e : each) {
            e.run(writes, stored);
          }
        };
      }

      @Override
      public void chatCreated(Connection c, Chat chat) throws SQLException {
        for (ChatSideEffects e : copy) {
          e.chatCreated(c, chat);
        }
      }

      @Override
      public void statusChanged(Connection c, Chat before, Chat after) throws SQLException {
        for (ChatSideEffects e : copy) {
          e.statusChanged(c, before, after);
        }
      }

      @Override
      public void assigned(Connection c, Chat before, Chat after) throws SQLException {
        for (ChatSideEffects e : copy) {
          e.assigned(c, before, after);
        }
      }

      @Override
      public void rated(Connection c, Chat chat, Rating rating) throws SQLException {
        for (ChatSideEffects e : copy) {
          e.rated(c, chat, rating);
        }
      }
    };
  }
}
