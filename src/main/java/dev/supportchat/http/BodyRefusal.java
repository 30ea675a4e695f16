package dev.supportchat.http;

import dev.supportchat.error.AppException;
import jakarta.servlet.ServletRequest;
import java.util.Optional;

/**
 * The error a request's body earned while it arrived ({@link BodyFirstHandler}): too slow, too
 * large, malformed, or over a budget. Such a request reaches its servlet with an empty body and
 * must be answered with this error instead of being handled; Javalin's routes do so through their
 * first before-handler, the Engine.IO servlet itself.
 */
public final class BodyRefusal {
  static final String ATTRIBUTE = BodyRefusal.class.getName();

  private BodyRefusal() {}

  /** The refusal of {@code request}, if its body earned one. */
  public static Optional<AppException> of(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof AppException refusal
        ? Optional.of(refusal)
        : Optional.empty();
  }
}
