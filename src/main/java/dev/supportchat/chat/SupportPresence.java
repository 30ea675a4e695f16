package dev.supportchat.chat;

/**
 * Whether any admin is connected right now: the realtime layer knows, the chat routes tell users.
 */
@FunctionalInterface
public interface SupportPresence {
  boolean anyAdminOnline();
}
