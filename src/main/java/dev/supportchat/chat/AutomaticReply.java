package dev.supportchat.chat;

/**
 * The sender of automatic replies (outside business hours): a users row created by migration V14
 * that cannot log in and is not staff. Its messages are stored and delivered like an agent's, but
 * they answer nobody, so they never stop a chat's first-response clock.
 */
public final class AutomaticReply {
  /** The id of the automatic sender's users row (V14__ratings_and_business_hours.sql). */
  public static final String SENDER_ID = "000000000000000000000001";

  private AutomaticReply() {}

  public static boolean isSender(String userId) {
    return SENDER_ID.equals(userId);
  }
}
