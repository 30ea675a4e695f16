package dev.supportchat.user;

import java.time.Instant;

/**
 * One issued refresh token, stored by hash. Tokens of one login share a {@code familyId} (the
 * session id).
 */
record RefreshToken(
    String id,
    String familyId,
    String userId,
    String tokenHash,
    Instant createdAt,
    Instant expiresAt,
    Instant usedAt,
    Instant revokedAt) {}
