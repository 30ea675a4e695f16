// The peer's JSON shapes: the same field names as the seed's clients read (and the Java server sends), so the load
// client parses both servers' events with the same code.
const iso = (ms) => new Date(Number(ms)).toISOString();

export function messageJson(m) {
  return {
    _id: m.id,
    chat: m.chatId,
    sender: { _id: m.sender.sub, fullName: m.sender.name, email: m.sender.email, isAdmin: m.sender.adm },
    content: m.content,
    messageType: "text",
    attachments: [],
    isReadByAdmin: m.sender.adm,
    isReadByUser: !m.sender.adm,
    isInternalNote: false,
    isEdited: false,
    clientMessageId: m.clientMessageId ?? null,
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.createdAt),
  };
}

export function chatJson(c) {
  return {
    _id: c.id,
    user: c.user_id,
    admin: c.admin_id,
    subject: c.subject,
    priority: c.priority.toLowerCase(),
    status: c.status.toLowerCase().replace("_", "-"),
    lastMessage: c.last_message_id,
    unreadByAdmin: c.unread_by_admin,
    unreadByUser: c.unread_by_user,
    isActive: c.is_active,
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
    lastActivityAt: iso(c.last_activity_at),
  };
}
