package dev.supportchat.store;

/**
 * A database statement failed for a reason the client cannot fix (a bug or a broken database): a
 * 500.
 */
public class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
