package dev.supportchat.mail;

/**
 * Signed unsubscribe queries for tests outside this package (the authorization matrix and the API
 * description), made exactly as the server makes them for its emails.
 */
public final class UnsubscribeLinksForTests {
  private UnsubscribeLinksForTests() {}

  /** {@code u=<userId>&s=<signature>} for a server whose access-token secret is {@code secret}. */
  public static String query(String secret, String userId) {
    return "u=" + userId + "&s=" + new UnsubscribeLinks(secret, "unused").signature(userId);
  }
}
