package dev.supportchat.chat;

import java.util.List;

/**
 * One page of the admin chat list, with the page and limit it was read with (defaults applied) and
 * the total.
 */
public record ChatPage(List<Chat> chats, int page, int limit, long total) {

  public long pages() {
    return (total + limit - 1) / limit;
  }
}
