package dev.supportchat.chat;

import dev.supportchat.error.AppException;
import dev.supportchat.limit.Limiter;
import dev.supportchat.store.Ids;
import dev.supportchat.user.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uploaded files: checked against a whitelist of content types (and, for images and PDFs, their
 * first bytes), limited in size, stored under the data folder by an id the client never chooses,
 * and handed back only to people who may read the chat.
 */
final class AttachmentStore {
  /**
   * Content types we accept, with the magic bytes the file must start with (null: no signature to
   * check).
   */
  private static final Map<String, byte[]> ALLOWED =
      Map.ofEntries(
          Map.entry("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
          Map.entry("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
          Map.entry("image/gif", new byte[] {'G', 'I', 'F', '8'}),
          Map.entry("image/webp", new byte[] {'R', 'I', 'F', 'F'}),
          Map.entry("application/pdf", new byte[] {'%', 'P', 'D', 'F'}),
          Map.entry("text/plain", new byte[0]),
          Map.entry("text/csv", new byte[0]),
          Map.entry("application/zip", new byte[] {'P', 'K'}),
          Map.entry("application/json", new byte[0]));

  private static final int MAX_FILE_NAME_LENGTH = 200;
  private static final int ORPHAN_BATCH = 200;
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(AttachmentStore.class);

  /** The bytes of a stored attachment and how to describe them to the browser. */
  record Download(Attachment attachment, Path file) {}

  private final ChatService chats;
  private final ChatRepository repository;
  private final Path root;
  private final long maxBytes;
  private final UploadLimits limits;
  private final Clock clock;

  /**
   * What one user may spend on uploads (admins are exempt from the first two).
   *
   * @param perUser uploads per user and hour
   * @param quotaBytes bytes one user may have stored
   * @param minFreeBytes free space the data disk keeps; uploads are refused below it
   */
  record UploadLimits(Limiter perUser, long quotaBytes, long minFreeBytes) {}

  AttachmentStore(
      ChatService chats,
      ChatRepository repository,
      Path root,
      long maxBytes,
      UploadLimits limits,
      Clock clock) {
    this.chats = chats;
    this.repository = repository;
    this.root = root;
    this.maxBytes = maxBytes;
    this.limits = limits;
    this.clock = clock;
  }

  /** The accepted content types, sorted. */
  static List<String> allowedTypes() {
    return ALLOWED.keySet().stream().sorted().toList();
  }

  long maxBytes() {
    return maxBytes;
  }

  /** Stores an upload for the chat, if the caller may write to it. */
  Attachment upload(
      Principal caller,
      String chatId,
      String fileName,
      String contentType,
      long declaredSize,
      InputStream content) {
    chats.access(caller, chatId);
    String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
    if (!ALLOWED.containsKey(type)) {
      throw AppException.invalid(
          "file",
          "Files of type '"
              + type
              + "' are not accepted. Allowed: "
              + String.join(", ", allowedTypes())
              + ".");
    }
    if (declaredSize > maxBytes) {
      throw AppException.tooLarge("Files can be at most " + maxBytes + " bytes.");
    }
    requireFreeSpace(Math.max(declaredSize, 0));
    boolean limited = !caller.isAdmin();
    long used = limited ? repository.uploadedBytes(caller.userId()) : 0;
    if (limited && used + Math.max(declaredSize, 0) > limits.quotaBytes()) {
      throw quotaExceeded(used);
    }
    if (limited && !limits.perUser().tryAcquire(caller.userId())) {
      throw AppException.rateLimited(
          "You are uploading files too fast; try again later.",
          limits.perUser().retryAfterSeconds(caller.userId()));
    }
    String id = Ids.newId(clock.millis());
    Path dir = root.resolve(chatId);
    Path target = dir.resolve(id);
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, id, ".part");
      long size;
      try (InputStream in = content) {
        size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      if (size > maxBytes) {
        Files.deleteIfExists(temp);
        throw AppException.tooLarge("Files can be at most " + maxBytes + " bytes.");
      }
      if (limited && used + size > limits.quotaBytes()) {
        Files.deleteIfExists(temp); // the declared size understated it
        throw quotaExceeded(used);
      }
      if (size == 0 || !startsWith(temp, ALLOWED.get(type))) {
        Files.deleteIfExists(temp);
        throw AppException.invalid(
            "file", "The file's content does not match its type " + type + ".");
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      Attachment a = new Attachment(id, chatId, cleanName(fileName), type, size);
      repository.insertAttachment(a, caller.userId(), chatId + "/" + id, clock.instant());
      return a;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store attachment", e);
    }
  }

  private AppException quotaExceeded(long used) {
    return AppException.tooLarge(
        "Your uploads would go over your storage quota of "
            + limits.quotaBytes() / (1024 * 1024)
            + " MiB ("
            + used / (1024 * 1024)
            + " MiB used); remove old files or ask support.");
  }

  /**
   * Refuses while the data disk is under its free-space floor: a full disk would also stop the
   * database and every send, so uploads stop first.
   */
  private void requireFreeSpace(long incoming) {
    long usable;
    try {
      Files.createDirectories(root);
      usable = Files.getFileStore(root).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the free space of " + root, e);
    }
    if (usable - incoming < limits.minFreeBytes()) {
      log.warn(
          "Upload refused: {} bytes free on the data disk, the floor is {}",
          usable,
          limits.minFreeBytes());
      throw AppException.unavailable(
          "The server's storage is nearly full, so uploads are paused; try again later.");
    }
  }

  /**
   * Deletes uploads never attached to a message after {@code after} (a day by default), files and
   * rows.
   */
  int deleteOrphans(Duration after) {
    Instant now = clock.instant();
    int deleted = 0;
    List<String> keys;
    do {
      keys = repository.deleteUnattachedBefore(now.minus(after), ORPHAN_BATCH, now);
      for (String key : keys) {
        Path file = root.resolve(key).normalize();
        try {
          if (file.startsWith(root)) {
            Files.deleteIfExists(file);
          }
        } catch (IOException e) {
          log.warn("Could not delete the orphan upload {}: {}", file, e.toString());
        }
      }
      deleted += keys.size();
    } while (keys.size() == ORPHAN_BATCH);
    if (deleted > 0) {
      log.info("Deleted {} upload(s) never attached to a message", deleted);
    }
    return deleted;
  }

  /** The attachment's file, if the caller may read the chat. */
  Download download(Principal caller, String chatId, String attachmentId) {
    chats.access(caller, chatId);
    Optional<ChatRepository.StoredAttachment> found =
        Ids.isValid(attachmentId)
            ? repository.findAttachment(chatId, attachmentId)
            : Optional.empty();
    ChatRepository.StoredAttachment stored =
        found.orElseThrow(() -> AppException.notFound("Attachment not found."));
    // Ids are not secrets (they count up): a chat's user gets the files they uploaded and those
    // of messages they can see, never a file staff attached to an internal note.
    if (!caller.isAdmin()
        && !stored.uploaderId().equals(caller.userId())
        && !repository.isAttachmentShown(chatId, attachmentId)) {
      throw AppException.notFound("Attachment not found.");
    }
    Path file = root.resolve(stored.storageKey()).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      throw AppException.notFound("Attachment not found.");
    }
    return new Download(stored.attachment(), file);
  }

  private static boolean startsWith(Path file, byte[] signature) throws IOException {
    if (signature.length == 0) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(signature.length);
      return Arrays.equals(head, signature);
    }
  }

  /**
   * Keeps only the last path segment and printable characters; the name is shown, never used as a
   * path.
   */
  static String cleanName(String name) {
    String n = name == null ? "file" : name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (n.isEmpty()) {
      n = "file";
    }
    return n.length() > MAX_FILE_NAME_LENGTH ? n.substring(n.length() - MAX_FILE_NAME_LENGTH) : n;
  }

  static void requireWritable(Path root) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
