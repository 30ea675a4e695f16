package dev.supportchat.chat;

import dev.supportchat.http.Auth;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.limit.Limiter;
import dev.supportchat.limit.SharedBudget;
import dev.supportchat.store.Database;
import dev.supportchat.worker.Fatal;
import io.javalin.apibuilder.EndpointGroup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
      Uploads uploads,
      ChatLabels labels,
      ClientAddress clientAddress,
      Clock clock) {
    return new ChatRoutes(
        chats,
        statistics,
        attachments(chats, repository, attachmentsDir, maxAttachmentBytes, uploads, clock),
        auth,
        presence,
        labels,
        uploads.downloadsAtOnce(),
        uploads.downloadMinBytesPerSecond(),
        clientAddress);
  }

  /**
   * The rules of a message the apps check before sending (so a refusal is a sentence before the
   * upload, not after it), published by {@code GET /widget/config}; the server checks them anyway.
   *
   * @param maxAttachmentBytes the largest file (MAX_ATTACHMENT_BYTES)
   * @param maxAttachments files one message may carry
   * @param attachmentTypes the content types accepted
   * @param editWindowSeconds how long after sending a sender may edit (MESSAGE_EDIT_WINDOW)
   */
  public record MessageRules(
      long maxAttachmentBytes,
      int maxAttachments,
      List<String> attachmentTypes,
      long editWindowSeconds) {}

  public static MessageRules messageRules(long maxAttachmentBytes, Duration editWindow) {
    return new MessageRules(
        maxAttachmentBytes,
        ChatService.MAX_ATTACHMENTS_PER_MESSAGE,
        AttachmentStore.allowedTypes(),
        editWindow.toSeconds());
  }

  /**
   * What uploads may spend: the per-user rate, the quota and the disk's free-space floor; and the
   * downloads being written at once, in all and per client address, and the slowest a client may
   * read one.
   */
  public record Uploads(
      Limiter perUserPerHour,
      long quotaBytesPerUser,
      long minFreeBytes,
      Duration orphanAfter,
      SharedBudget downloadsAtOnce,
      long downloadMinBytesPerSecond) {}

  private static AttachmentStore attachments(
      ChatService chats,
      ChatRepository repository,
      Path dir,
      long maxBytes,
      Uploads uploads,
      Clock clock) {
    return new AttachmentStore(
        chats,
        repository,
        dir,
        maxBytes,
        new AttachmentStore.UploadLimits(
            uploads.perUserPerHour(), uploads.quotaBytesPerUser(), uploads.minFreeBytes()),
        clock);
  }

  /** Deletes uploads never attached to a message, on a timer or now. */
  public interface OrphanUploads extends AutoCloseable {
    /** One sweep now; the number of uploads deleted. */
    int sweepNow();

    @Override
    void close();
  }

  /**
   * Deletes uploads never attached to a message, {@code uploads.orphanAfter()} after upload, once
   * an hour (first a minute after start); close it to stop.
   */
  public static OrphanUploads orphanUploadSweeper(
      ChatService chats,
      ChatRepository repository,
      Path dir,
      long maxBytes,
      Uploads uploads,
      Clock clock) {
    AttachmentStore store = attachments(chats, repository, dir, maxBytes, uploads, clock);
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "orphan-uploads");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        Fatal.survivable(
            "Deleting orphan uploads", () -> store.deleteOrphans(uploads.orphanAfter())),
        1,
        ORPHAN_SWEEP_MINUTES,
        TimeUnit.MINUTES);
    return new OrphanUploads() {
      @Override
      public int sweepNow() {
        return store.deleteOrphans(uploads.orphanAfter());
      }

      @Override
      public void close() {
        timer.shutdownNow();
      }
    };
  }

  private static final long ORPHAN_SWEEP_MINUTES = 60;
}
