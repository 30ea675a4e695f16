package dev.supportchat.user;

/**
 * Who is calling, as proven by a verified access token: the user's id, whether it is an admin, and
 * the login session (refresh-token family) the token belongs to.
 */
public record Principal(String userId, boolean isAdmin, String sessionId) {}
