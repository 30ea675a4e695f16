package dev.supportchat.chat;

import dev.supportchat.error.AppException;
import dev.supportchat.store.Ids;
import dev.supportchat.user.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Arrays;
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

  /** The bytes of a stored attachment and how to describe them to the browser. */
  record Download(Attachment attachment, Path file) {}

  private final ChatService chats;
  private final ChatRepository repository;
  private final Path root;
  private final long maxBytes;
  private final Clock clock;

  AttachmentStore(
      ChatService chats, ChatRepository repository, Path root, long maxBytes, Clock clock) {
    this.chats = chats;
    this.repository = repository;
    this.root = root;
    this.maxBytes = maxBytes;
    this.clock = clock;
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
              + String.join(", ", ALLOWED.keySet().stream().sorted().toList())
              + ".");
    }
    if (declaredSize > maxBytes) {
      throw AppException.tooLarge("Files can be at most " + maxBytes + " bytes.");
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

  /** The attachment's file, if the caller may read the chat. */
  Download download(Principal caller, String chatId, String attachmentId) {
    chats.access(caller, chatId);
    Optional<ChatRepository.StoredAttachment> found =
        Ids.isValid(attachmentId)
            ? repository.findAttachment(chatId, attachmentId)
            : Optional.empty();
    ChatRepository.StoredAttachment stored =
        found.orElseThrow(() -> AppException.notFound("Attachment not found."));
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
