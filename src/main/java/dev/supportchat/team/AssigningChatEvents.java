package dev.supportchat.team;

import dev.supportchat.chat.Chat;
import dev.supportchat.chat.ChatEvents;
import dev.supportchat.chat.ChatStatus;
import dev.supportchat.chat.Message;
import dev.supportchat.chat.Rating;
import dev.supportchat.chat.ReadReceipt;

/**
 * Passes the chat service's events on, then tells what the assignment pass inside the change's own
 * transaction did ({@link AssignmentEffects}). A pass on the assignment thread follows only what no
 * such transaction covered: a chat its user reopened by writing (the message writer's batch runs no
 * pass), and a waiting chat the in-transaction pass had to skip.
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
    tellPass();
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
    }
    tellPass();
  }

  @Override
  public void assigned(Chat chat) {
    delegate.assigned(chat);
    tellPass();
  }

  private void tellPass() {
    AssignmentEffects.Outcome pass = AssignmentEffects.drain();
    pass.changed.forEach(assigner::tell);
    if (pass.skipped) {
      assigner.request();
    }
  }

  @Override
  public void rated(Chat chat, Rating rating) {
    delegate.rated(chat, rating);
  }
}
