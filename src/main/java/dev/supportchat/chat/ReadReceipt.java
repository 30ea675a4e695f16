package dev.supportchat.chat;

import java.time.Instant;

/**
 * What marking a chat read did: who read the other side's messages, when, and how many were new to
 * them. The REST answer, the socket ack and the {@code support_messages_read} event are all this
 * record, rendered by {@link ChatJson#readReceipt}.
 */
public record ReadReceipt(
    String chatId, int markedCount, String readBy, boolean readerIsAdmin, Instant readAt) {}
