package dev.supportchat.team;

/** A team-wide saved reply: typed as {@code /shortcut}, inserts {@code body}. Times in ms. */
record SavedReply(
    String id,
    String shortcut,
    String body,
    String createdBy,
    String updatedBy,
    long createdAt,
    long updatedAt) {}
