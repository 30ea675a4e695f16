package dev.supportchat.chat;

/**
 * What the chat service reports after a change is stored. The realtime layer turns these into
 * Socket.IO emits; the service neither knows nor cares who is connected.
 */
public interface ChatEvents {

  void chatCreated(Chat chat);

  void messageSent(Message message, Chat chat);

  void messageEdited(Message message, Chat chat);

  void messagesRead(ReadReceipt receipt);

  /** Status or priority changed (by an admin, or a user's message reopened the chat). */
  void statusUpdated(Chat chat);

  void assigned(Chat chat);

  /** The chat's user rated it (staff see the rating beside the conversation). */
  void rated(Chat chat, Rating rating);

  /** For tests and tools that run the service without any listener. */
  ChatEvents NONE =
      new ChatEvents() {
        @Override
        public void chatCreated(Chat chat) {}

        @Override
        public void messageSent(Message message, Chat chat) {}

        @Override
        public void messageEdited(Message message, Chat chat) {}

        @Override
        public void messagesRead(ReadReceipt receipt) {}

        @Override
        public void statusUpdated(Chat chat) {}

        @Override
        public void assigned(Chat chat) {}

        @Override
        public void rated(Chat chat, Rating rating) {}
      };
}
