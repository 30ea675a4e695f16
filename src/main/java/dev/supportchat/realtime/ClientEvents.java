package dev.supportchat.realtime;

import java.util.List;

/**
 * The names of the client → server events the server answers (docs/API.md). The event adapter
 * refuses to register a name missing here, so this list is always the server's real one; the
 * authorization matrix test is generated from it and fails for an event it has no rule for.
 */
public final class ClientEvents {
  public static final String JOIN = "join_support_chat";
  public static final String LEAVE = "leave_support_chat";
  public static final String SEND = "send_support_message";
  public static final String TYPING_START = "support_typing_start";
  public static final String TYPING_STOP = "support_typing_stop";
  public static final String MARK_READ = "mark_support_messages_read";
  public static final String UPDATE_STATUS = "update_support_chat_status";
  public static final String ASSIGN = "assign_support_chat";

  /**
   * A fresh access token for this connection, sent before the current one expires; without it the
   * server disconnects the socket at expiry (docs/API.md, "Staying connected").
   */
  public static final String REAUTHENTICATE = "support_reauthenticate";

  public static final List<String> ALL =
      List.of(
          JOIN,
          LEAVE,
          SEND,
          TYPING_START,
          TYPING_STOP,
          MARK_READ,
          UPDATE_STATUS,
          ASSIGN,
          REAUTHENTICATE);

  private ClientEvents() {}
}
