package dev.supportchat.team;

import dev.supportchat.chat.Chat;
import dev.supportchat.chat.ChatEvents;
import dev.supportchat.chat.ChatStatus;
import dev.supportchat.chat.Message;
import dev.supportchat.chat.Rating;
import dev.supportchat.chat.ReadReceipt;

/**
 * Passes the chat service's events on, and asks for an assignment pass after those that add work or
 * free room: a new chat, a reopened one, a finished one, a chat handed from one agent to another.
 */
final class AssigningChatEvents implements ChatEvents {
  private final ChatEvents delegate;
  private final AutoAssigner assigner;

  AssigningChatEvents(ChatEvents delegate, AutoAssigner assigner) {
    this.delegate = delegate;
    this.assigner = assigner;
  }

  @Override
  public void chatCreated(Chat chat) {
    delegate.chatCreated(chat);
    assigner.request();
  }

  @Override
  public void messageSent(Message message, Chat chat) {
    delegate.messageSent(message, chat);
  }

  @Override
  public void messageEdited(Message message, Chat chat) {
    delegate.messageEdited(message, chat);
  }

  @Override
  public void messagesRead(ReadReceipt receipt) {
    delegate.messagesRead(receipt);
  }

  @Override
  public void statusUpdated(Chat chat) {
    delegate.statusUpdated(chat);
    if (chat.status() == ChatStatus.OPEN && chat.admin() == null) {
      // Reopened by its user with nobody on it: it joins the end of the queue, not its old place.
      assigner.reopened(chat.id());
    } else {
      assigner.request();
    }
  }

  @Override
  public void assigned(Chat chat) {
    delegate.assigned(chat);
    assigner.request();
  }

  @Override
  public void rated(Chat chat, Rating rating) {
    delegate.rated(chat, rating);
  }
}
