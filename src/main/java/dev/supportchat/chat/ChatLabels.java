package dev.supportchat.chat;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The labels on chats, for the staff's chat list (the team feature keeps them). A chat without
 * labels may be absent from the answer. Never used for what people who chat are sent.
 */
public interface ChatLabels {
  Map<String, List<Map<String, Object>>> of(Collection<String> chatIds);

  ChatLabels NONE = ids -> Map.of();
}
