package dev.supportchat.chat;

import dev.supportchat.error.AppException;
import java.time.Instant;

/**
 * A user's satisfaction rating of one resolution of their chat: a score from 1 to 5 and an optional
 * comment. {@code adminId} is the agent the chat was assigned to when it was rated (null if none).
 */
public record Rating(
    String id,
    String chatId,
    int score,
    String comment,
    String adminId,
    Instant resolvedAt,
    Instant createdAt) {
  public static final int MIN_SCORE = 1;
  public static final int MAX_SCORE = 5;
  public static final int MAX_COMMENT_LENGTH = 1000;

  /** Whether a chat may be rated now, and the rating of its current resolution if it has one. */
  public record State(boolean canRate, Rating current) {}

  /**
   * The rules of rating, pure: checks the score and comment, returns the comment as stored
   * (stripped). Throws {@code invalid} with a sentence a user can act on.
   */
  public static String checkInput(Integer score, String comment) {
    if (score == null) {
      throw AppException.invalid("score", "score is required (1 to 5).");
    }
    if (score < MIN_SCORE || score > MAX_SCORE) {
      throw AppException.invalid("score", "score must be a whole number from 1 to 5.");
    }
    String clean = comment == null ? "" : comment.strip();
    if (clean.length() > MAX_COMMENT_LENGTH) {
      throw AppException.invalid(
          "comment", "comment must be at most " + MAX_COMMENT_LENGTH + " characters.");
    }
    return clean;
  }

  /**
   * Whether a chat in this status, finished at {@code resolvedAt}, may be rated when its current
   * resolution has (or has not) a rating yet.
   */
  public static boolean canRate(ChatStatus status, Instant resolvedAt, boolean alreadyRated) {
    return status.isFinished() && resolvedAt != null && !alreadyRated;
  }
}
