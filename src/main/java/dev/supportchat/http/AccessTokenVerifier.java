package dev.supportchat.http;

/**
 * Turns an access token into the caller it proves, or throws {@code unauthorized}. An interface so
 * that {@link Auth} needs nothing from the feature that issues tokens (user/ depends on http/,
 * never the other way round).
 *
 * @param <P> who the caller is, as the issuing feature names it
 */
@FunctionalInterface
public interface AccessTokenVerifier<P> {
  P verify(String accessToken);
}
