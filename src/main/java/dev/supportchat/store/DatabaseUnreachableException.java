package dev.supportchat.store;

/** The database could not be opened at start-up; the message is one sentence for the operator. */
public class DatabaseUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
