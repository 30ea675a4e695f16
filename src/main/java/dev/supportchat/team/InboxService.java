package dev.supportchat.team;

import dev.supportchat.error.AppException;
import dev.supportchat.json.IsoTime;
import dev.supportchat.store.Ids;
import dev.supportchat.user.Principal;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team inbox's shared material: saved replies (any staff member reads them, the team's admins
 * manage them) and labels (any staff member creates them and puts them on chats). People who chat
 * never reach any of it. Every change is told to the staff room so other dashboards follow live.
 */
public final class InboxService {
  private final JdbcInbox inbox;
  private final TeamService team;
  private final TeamEvents events;
  private final Clock clock;

  InboxService(JdbcInbox inbox, TeamService team, TeamEvents events, Clock clock) {
    this.inbox = inbox;
    this.team = team;
    this.events = events;
    this.clock = clock;
  }

  // --- saved replies

  public List<Map<String, Object>> replies(Principal caller) {
    TeamService.requireStaff(caller);
    return inbox.replies().stream().map(InboxService::replyView).toList();
  }

  public Map<String, Object> createReply(Principal caller, String shortcut, String body) {
    team.requireTeamAdmin(caller);
    String s = InboxRules.shortcut(shortcut);
    String b = InboxRules.replyBody(body);
    long now = clock.millis();
    SavedReply r =
        inbox.insertReply(
            new SavedReply(Ids.newId(now), s, b, caller.userId(), caller.userId(), now, now));
    return told(replyView(r));
  }

  public Map<String, Object> updateReply(
      Principal caller, String id, String shortcut, String body) {
    team.requireTeamAdmin(caller);
    if (shortcut == null && body == null) {
      throw AppException.invalid("body", "Give a shortcut, a body, or both.");
    }
    String s = shortcut == null ? null : InboxRules.shortcut(shortcut);
    String b = body == null ? null : InboxRules.replyBody(body);
    SavedReply r =
        inbox
            .updateReply(replyId(id), s, b, caller.userId(), clock.millis())
            .orElseThrow(InboxService::noReply);
    return told(replyView(r));
  }

  public void deleteReply(Principal caller, String id) {
    team.requireTeamAdmin(caller);
    if (!inbox.deleteReply(replyId(id))) {
      throw noReply();
    }
    events.toStaff(TeamEvents.SAVED_REPLIES_CHANGED, Map.of("deletedId", id));
  }

  private Map<String, Object> told(Map<String, Object> reply) {
    events.toStaff(TeamEvents.SAVED_REPLIES_CHANGED, Map.of("reply", reply));
    return reply;
  }

  private static String replyId(String id) {
    if (!Ids.isValid(id)) {
      throw noReply();
    }
    return id;
  }

  private static AppException noReply() {
    return AppException.notFound("No saved reply with this id.");
  }

  static Map<String, Object> replyView(SavedReply r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", r.id());
    m.put("shortcut", r.shortcut());
    m.put("body", r.body());
    m.put("unknownVariables", InboxRules.unknownVariables(r.body()));
    m.put("createdAt", IsoTime.of(r.createdAt()));
    m.put("updatedAt", IsoTime.of(r.updatedAt()));
    return m;
  }

  // --- labels

  public List<Map<String, Object>> labels(Principal caller) {
    TeamService.requireStaff(caller);
    return inbox.labels().stream().map(InboxService::labelView).toList();
  }

  public Map<String, Object> createLabel(Principal caller, String name, String colour) {
    TeamService.requireStaff(caller);
    String n = InboxRules.labelName(name);
    String k = InboxRules.colour(colour);
    long now = clock.millis();
    Label l = inbox.insertLabel(new Label(Ids.newId(now), n, k, now), caller.userId());
    Map<String, Object> view = labelView(l);
    events.toStaff(TeamEvents.LABELS_CHANGED, Map.of("label", view));
    return view;
  }

  public Map<String, Object> updateLabel(Principal caller, String id, String name, String colour) {
    TeamService.requireStaff(caller);
    if (name == null && colour == null) {
      throw AppException.invalid("name", "Give a name, a colour, or both.");
    }
    String n = name == null ? null : InboxRules.labelName(name);
    String k = colour == null ? null : InboxRules.colour(colour);
    Label l = inbox.updateLabel(labelId(id), n, k).orElseThrow(InboxService::noLabel);
    Map<String, Object> view = labelView(l);
    events.toStaff(TeamEvents.LABELS_CHANGED, Map.of("label", view));
    return view;
  }

  public void deleteLabel(Principal caller, String id) {
    TeamService.requireStaff(caller);
    List<String> chats = inbox.deleteLabel(labelId(id)).orElseThrow(InboxService::noLabel);
    events.toStaff(TeamEvents.LABELS_CHANGED, Map.of("deletedId", id, "chatIds", chats));
  }

  /** The labels on one chat. */
  public List<Map<String, Object>> labelsOfChat(Principal caller, String chatId) {
    TeamService.requireStaff(caller);
    requireChat(chatId);
    return onChat(chatId);
  }

  public List<Map<String, Object>> addToChat(Principal caller, String chatId, String labelId) {
    TeamService.requireStaff(caller);
    if (!Ids.isValid(chatId)
        || !inbox.addToChat(chatId, labelId(labelId), caller.userId(), clock.millis())) {
      throw noChat();
    }
    return toldChat(chatId);
  }

  public List<Map<String, Object>> removeFromChat(Principal caller, String chatId, String labelId) {
    TeamService.requireStaff(caller);
    requireChat(chatId);
    inbox.removeFromChat(chatId, labelId(labelId));
    return toldChat(chatId);
  }

  /** For the chat list's rows: the labels of each chat (none: an empty list). */
  public Map<String, List<Map<String, Object>>> labelsOf(Collection<String> chatIds) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    inbox
        .labelsOf(chatIds)
        .forEach(
            (chat, labels) -> out.put(chat, labels.stream().map(InboxService::labelView).toList()));
    return out;
  }

  private List<Map<String, Object>> onChat(String chatId) {
    return labelsOf(List.of(chatId)).getOrDefault(chatId, List.of());
  }

  private List<Map<String, Object>> toldChat(String chatId) {
    List<Map<String, Object>> labels = onChat(chatId);
    events.toStaff(TeamEvents.CHAT_LABELS_UPDATED, Map.of("chatId", chatId, "labels", labels));
    return labels;
  }

  private void requireChat(String chatId) {
    if (!Ids.isValid(chatId) || !inbox.chatExists(chatId)) {
      throw noChat();
    }
  }

  private static String labelId(String id) {
    if (!Ids.isValid(id)) {
      throw noLabel();
    }
    return id;
  }

  private static AppException noLabel() {
    return AppException.notFound("No label with this id.");
  }

  private static AppException noChat() {
    return AppException.notFound("Chat not found.");
  }

  static Map<String, Object> labelView(Label l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", l.id());
    m.put("name", l.name());
    m.put("colour", l.colour());
    return m;
  }
}
