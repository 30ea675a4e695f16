package dev.supportchat.tools;

import dev.supportchat.chat.ChatRepository;
import dev.supportchat.chat.ChatRepository.MessagePage;
import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The inputs the benchmark's cases draw from, chosen before any timing starts: random chats that
 * have messages, a "before" cursor in each, the busiest admin (the largest assigned= list) and a
 * search term that matches one user.
 */
record BenchmarkFixtures(
    List<String> chatIds, List<Cursor> cursors, String busiestAdminId, String rareTerm) {
  private static final int SAMPLE_CHATS = 1_000;
  private static final int SAMPLE_CURSORS = 200;

  /** A chat and the id of a message in it: the oldest one a client already shows. */
  record Cursor(String chatId, String beforeId) {}

  static BenchmarkFixtures load(Database db, ChatRepository repo, Random random) {
    List<String> all =
        db.read(
            c ->
                Sql.list(
                    c,
                    "SELECT id FROM chats WHERE last_message_id IS NOT NULL ORDER BY id",
                    rs -> rs.getString(1)));
    if (all.isEmpty()) {
      throw new IllegalStateException(
          "the database has no chats with messages; run GenerateData first");
    }
    Collections.shuffle(all, random);
    List<String> sample = List.copyOf(all.subList(0, Math.min(SAMPLE_CHATS, all.size())));
    List<Cursor> cursors = new ArrayList<>();
    for (String chatId : sample.subList(0, Math.min(SAMPLE_CURSORS, sample.size()))) {
      MessagePage first = repo.messages(chatId, true, 50, null);
      if (first.messages().size() >= 2) {
        // A chat longer than a page continues where the first page ended; a shorter one from its
        // middle.
        String before =
            first.nextCursor() != null
                ? first.nextCursor()
                : first.messages().get(first.messages().size() / 2).id();
        cursors.add(new Cursor(chatId, before));
      }
    }
    String admin =
        db.read(
                c ->
                    Sql.one(
                        c,
                        "SELECT admin_id FROM chats WHERE admin_id IS NOT NULL"
                            + " GROUP BY admin_id ORDER BY COUNT(*) DESC, admin_id LIMIT 1",
                        rs -> rs.getString(1)))
            .orElseThrow();
    String email =
        db.read(
                c ->
                    Sql.one(
                        c,
                        "SELECT u.email FROM chats c JOIN users u ON u.id = c.user_id"
                            + " WHERE c.id = ?",
                        rs -> rs.getString(1),
                        sample.get(0)))
            .orElseThrow();
    return new BenchmarkFixtures(sample, cursors, admin, email.substring(0, email.indexOf('@')));
  }

  String chat(int i) {
    return chatIds.get(i % chatIds.size());
  }

  Cursor cursor(int i) {
    return cursors.get(i % cursors.size());
  }
}
