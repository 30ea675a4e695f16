package dev.supportchat.chat;

import dev.supportchat.http.Auth;
import dev.supportchat.store.Database;
import io.javalin.apibuilder.EndpointGroup;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What {@code App}'s wiring (and the bench tools) build the chat feature with, so that its adapters
 * (the JDBC repository, the routes, the attachment store) stay package-private and only their
 * interfaces leave the package.
 */
public final class ChatModule {
  private ChatModule() {}

  /**
   * The stored chats on this database, either engine; close it after the last write (it commits
   * what is queued).
   */
  public static ChatRepository repository(Database db) {
    return new JdbcChatRepository(db);
  }

  /** As {@link #repository(Database)}, with what other features write in its transactions. */
  public static ChatRepository repository(Database db, ChatSideEffects effects) {
    return new JdbcChatRepository(db, effects);
  }

  /** The {@code /api/v1/chats} endpoints, with the attachment store they serve files from. */
  public static EndpointGroup routes(
      ChatService chats,
      ChatRepository repository,
      ChatStatistics statistics,
      Auth auth,
      SupportPresence presence,
      Path attachmentsDir,
      long maxAttachmentBytes,
      Clock clock) {
    var attachments =
        new AttachmentStore(chats, repository, attachmentsDir, maxAttachmentBytes, clock);
    return new ChatRoutes(chats, statistics, attachments, auth, presence);
  }
}
