package dev.supportchat.chat;

/** A user as shown inside chats and messages: {@code {_id, fullName, email, isAdmin}}. */
public record UserRef(String id, String fullName, String email, boolean isAdmin) {}
