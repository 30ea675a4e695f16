package dev.supportchat.tools;

import dev.supportchat.store.Ids;
import dev.supportchat.tools.ConversationScript.Assign;
import dev.supportchat.tools.ConversationScript.Read;
import dev.supportchat.tools.ConversationScript.Send;
import dev.supportchat.tools.ConversationScript.SetStatus;
import dev.supportchat.tools.ConversationScript.Step;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the rows of one planned chat: its user, the chat and its messages, by replaying the chat's
 * script.
 */
final class ChatGenerator {
  /** Chats come from the widget, which registers its visitor a moment before opening the chat. */
  private static final int MAX_SIGNUP_LEAD_MS = 5 * 60_000;

  /** Everything one chat adds to the database. */
  record Generated(Rows.UserRow user, Rows.ChatRow chat, List<Rows.MessageRow> messages) {}

  private final Random random;
  private final List<Rows.UserRow> admins;
  private final long now;

  ChatGenerator(Random random, List<Rows.UserRow> admins, long now) {
    this.random = random;
    this.admins = admins;
    this.now = now;
  }

  /** {@code index} numbers the chat's user, which keeps generated emails unique. */
  Generated generate(ChatPlan plan, int index) {
    Rows.UserRow user = user(index, plan.createdAt() - 1 - random.nextInt(MAX_SIGNUP_LEAD_MS));
    String chatId = Ids.newId(plan.createdAt());
    // An unassigned chat is still answered, by whichever admin picked it up.
    Rows.UserRow admin =
        admins.get(plan.adminIndex() >= 0 ? plan.adminIndex() : random.nextInt(admins.size()));
    ChatReplay replay =
        new ChatReplay(chatId, user.id(), plan.subject(), plan.priority(), plan.createdAt());
    for (Step step : ConversationScript.of(plan, random, now)) {
      if (step instanceof Send s) {
        String content =
            s.note()
                ? SampleText.note(random)
                : s.byAdmin() ? SampleText.adminMessage(random) : SampleText.userMessage(random);
        replay.append(
            Ids.newId(s.at()),
            s.byAdmin() ? admin.id() : user.id(),
            s.byAdmin(),
            s.note(),
            content,
            clientMessageId(),
            s.at());
      } else if (step instanceof Read r) {
        replay.markRead(r.byAdmin());
      } else if (step instanceof Assign a) {
        replay.assign(admin.id(), a.at());
      } else if (step instanceof SetStatus s) {
        replay.updateStatus(s.status(), s.at());
      }
    }
    if (replay.status() != plan.finalStatus()) {
      throw new IllegalStateException(
          "script for a "
              + plan.kind()
              + " chat ended "
              + replay.status()
              + " instead of "
              + plan.finalStatus());
    }
    return new Generated(user, replay.chatRow(), replay.messageRows());
  }

  Rows.UserRow user(int index, long createdAt) {
    String first = SampleText.firstName(index);
    String last = SampleText.lastName(index);
    String email = (first + "." + last + "." + index + "@example.com").toLowerCase(Locale.ROOT);
    return new Rows.UserRow(Ids.newId(createdAt), email, first + " " + last, false, createdAt);
  }

  /** The widget sends a random UUID with every message so a retried send is idempotent. */
  private String clientMessageId() {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
