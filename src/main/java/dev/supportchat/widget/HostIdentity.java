package dev.supportchat.widget;

import java.time.Instant;

/**
 * What the host site vouches for in a verified identity token.
 *
 * @param subject the host's user id (the token's sub): the only key of a verified user
 * @param email the email the host asserts, lower-cased, or null
 * @param name the display name, or null
 * @param tokenId the token's jti, or null (then it cannot be refused as a replay)
 */
record HostIdentity(String subject, String email, String name, String tokenId, Instant expiresAt) {}
