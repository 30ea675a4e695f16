/** Typed Socket.IO event maps (DESIGN.md §2), shared by the widget and the dashboard. */
import type {
  Chat,
  ChatStatus,
  ErrorCode,
  Label,
  Message,
  MessageType,
  Priority,
  Rating,
  UserRef,
} from './types';

export type Ack<T> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export interface ChatIdPayload {
  chatId: string;
}

export interface SendMessagePayload {
  chatId: string;
  content: string;
  messageType?: MessageType;
  isInternalNote?: boolean;
  clientMessageId?: string;
  /** Ids of uploaded attachments. */
  attachments?: string[];
}

export interface StatusPayload {
  chatId: string;
  status?: ChatStatus;
  priority?: Priority;
}

export interface TypingEvent {
  chatId: string;
  userId: string;
  isAdmin: boolean;
  isTyping: boolean;
}

export interface ReadEvent {
  chatId: string;
  readBy: string;
  readerIsAdmin: boolean;
  readAt: string;
}

export interface UserMessageNotification {
  chatId: string;
  message: Message;
  chat: Chat;
}

export interface StatusUpdatedEvent {
  chatId: string;
  status: ChatStatus;
  priority: Priority;
  chat?: Chat;
}

export interface AssignedEvent {
  chatId: string;
  admin: UserRef | null;
  chat?: Chat;
}

export interface ServerToClientEvents {
  new_support_message: (message: Message) => void;
  /** A message's sender edited it (internal notes: staff only). */
  support_message_edited: (payload: { chatId: string; message: Message }) => void;
  new_user_message_notification: (payload: UserMessageNotification) => void;
  admin_reply_notification: (payload: { chatId: string; message: Message }) => void;
  user_typing_support: (payload: TypingEvent) => void;
  support_messages_read: (payload: ReadEvent) => void;
  support_chat_status_updated: (payload: StatusUpdatedEvent) => void;
  support_chat_assigned: (payload: AssignedEvent) => void;
  /** Staff only: the chat's user rated it. */
  support_chat_rated: (payload: { chatId: string; rating: Rating }) => void;
  /** Optional server extension: whether any admin is connected. */
  support_presence: (payload: { online: boolean }) => void;
  /** This node may have missed other nodes' events (Redis was unreachable and is back). */
  support_resync: () => void;
  /** Staff only: a team member, the team or its settings changed. */
  team_agent_updated: (payload: Record<string, unknown>) => void;
  /** Staff only: a saved reply was created or changed (`reply`) or deleted (`deletedId`). */
  saved_replies_changed: (payload: { reply?: unknown; deletedId?: string }) => void;
  /** Staff only: a label was created or changed (`label`) or deleted (`deletedId`). */
  labels_changed: (payload: { label?: Label; deletedId?: string; chatIds?: string[] }) => void;
  /** Staff only: the labels on one chat changed. */
  chat_labels_updated: (payload: { chatId: string; labels: Label[] }) => void;
}

type WithAck<P, T> = (payload: P, ack: (response: Ack<T>) => void) => void;

export interface ClientToServerEvents {
  join_support_chat: WithAck<ChatIdPayload, unknown>;
  leave_support_chat: WithAck<ChatIdPayload, unknown>;
  send_support_message: WithAck<SendMessagePayload, Message>;
  support_typing_start: WithAck<ChatIdPayload, unknown>;
  support_typing_stop: WithAck<ChatIdPayload, unknown>;
  mark_support_messages_read: WithAck<ChatIdPayload, unknown>;
  update_support_chat_status: WithAck<StatusPayload, Chat>;
  assign_support_chat: WithAck<{ chatId: string; adminId?: string }, Chat>;
  /** A fresh access token for this connection, before the current one expires. */
  support_reauthenticate: WithAck<{ token: string }, { expiresAt: string }>;
}
