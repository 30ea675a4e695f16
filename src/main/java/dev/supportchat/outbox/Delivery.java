package dev.supportchat.outbox;

import java.time.Instant;

/**
 * Delivers one kind of outbox item (an email, a webhook call). Runs outside any transaction, on the
 * sender's thread; it tells what became of the item and the sender records it.
 */
@FunctionalInterface
public interface Delivery {
  Result deliver(Outbox.Item item);

  /** What became of one attempt. */
  sealed interface Result {}

  /**
   * Delivered; {@code status} is what the receiver answered (an HTTP status, 250 for SMTP); {@code
   * also}, if not null, is recorded in the same transaction.
   */
  record Sent(int status, Outbox.AlsoInTransaction also) implements Result {
    public Sent(int status) {
      this(status, null);
    }
  }

  /**
   * Nothing to deliver any more (read in the meantime, unsubscribed, endpoint removed); {@code
   * also} as for {@link Sent}.
   */
  record Skipped(String why, Outbox.AlsoInTransaction also) implements Result {
    public Skipped(String why) {
      this(why, null);
    }
  }

  /** Not yet: look again at {@code at} (the person is still around); not counted as a failure. */
  record Later(Instant at) implements Result {}

  /**
   * Did not work. {@code retry} false: the receiver refused it for good (a bad address); true: try
   * again later (a server down, a timeout, a 5xx).
   */
  record Failed(boolean retry, Integer status, String error) implements Result {}
}
