package dev.supportchat.team;

/** A label staff put on chats, with its colour ({@code #rrggbb}). */
record Label(String id, String name, String colour, long createdAt) {}
