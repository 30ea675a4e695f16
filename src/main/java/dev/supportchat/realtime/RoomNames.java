package dev.supportchat.realtime;

/**
 * The rooms sockets are put in. A chat has two: one for its user's sockets, one for staff who
 * joined it, so an internal note can be sent to the second alone and each audience gets the chat in
 * its own shape.
 */
final class RoomNames {
  /** Every connected admin socket. */
  static final String ADMINS = "admins";

  /** Every connected non-admin socket (for "support is online" notices). */
  static final String USERS = "users";

  private RoomNames() {}

  /** All sockets of one user (every tab). */
  static String user(String userId) {
    return "user:" + userId;
  }

  /** The sockets of one login session, on this node (disconnected together when it ends). */
  static String session(String sessionId) {
    return "session:" + sessionId;
  }

  static String chatUser(String chatId) {
    return "chat:" + chatId + ":user";
  }

  static String chatStaff(String chatId) {
    return "chat:" + chatId + ":staff";
  }
}
