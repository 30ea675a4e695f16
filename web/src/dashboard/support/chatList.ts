/**
 * The sidebar's chat list as pure functions: which chats match the filters, and how live events
 * change the list (insert, move to top, counters), so the list never needs a reload.
 */
import type { ChatListQuery } from '../../shared/api/chats';
import { refId, type Chat, type Label, type LastMessage, type Message } from '../../shared/types';

export type AssignedFilter = 'all' | 'me' | 'none';

export interface ChatFilters {
  status: NonNullable<ChatListQuery['status']>;
  priority: NonNullable<ChatListQuery['priority']>;
  assigned: AssignedFilter;
  q: string;
  /** A label's id; '' for any. */
  label: string;
}

export const NO_FILTERS: ChatFilters = {
  status: '',
  priority: '',
  assigned: 'all',
  q: '',
  label: '',
};

export function toQuery(filters: ChatFilters, page: number, limit: number): ChatListQuery {
  return {
    status: filters.status,
    priority: filters.priority,
    assigned: filters.assigned === 'all' ? '' : filters.assigned,
    q: filters.q.trim(),
    label: filters.label,
    page,
    limit,
  };
}

export function activityTime(chat: Chat): number {
  return Date.parse(chat.lastActivityAt ?? chat.lastMessage?.createdAt ?? chat.updatedAt) || 0;
}

/** Client-side twin of the server's filters, for chats that arrive by socket. */
export function matchesFilters(chat: Chat, filters: ChatFilters, meId: string): boolean {
  if (filters.status && chat.status !== filters.status) return false;
  if (filters.priority && chat.priority !== filters.priority) return false;
  if (filters.assigned === 'me' && chat.admin?._id !== meId) return false;
  if (filters.assigned === 'none' && chat.admin) return false;
  if (filters.label && !(chat.labels ?? []).some((l) => l._id === filters.label)) return false;
  const q = filters.q.trim().toLowerCase();
  if (q) {
    const haystack = [
      chat.user.fullName,
      chat.user.email,
      chat.subject ?? '',
      chat.lastMessage?.content ?? '',
    ]
      .join('\n')
      .toLowerCase();
    if (!haystack.includes(q)) return false;
  }
  return true;
}

/** Latest activity first; ties by id so the order is stable. */
export function sortChats(chats: readonly Chat[]): Chat[] {
  return [...chats].sort((a, b) => activityTime(b) - activityTime(a) || (a._id < b._id ? -1 : 1));
}

/**
 * Puts a chat's new state into the list: replaced or inserted when it matches the filters,
 * dropped when it no longer does (e.g. resolved while the list shows open chats).
 */
export function upsertChat(
  list: readonly Chat[],
  chat: Chat,
  filters: ChatFilters,
  meId: string,
): Chat[] {
  const rest = list.filter((c) => c._id !== chat._id);
  return matchesFilters(chat, filters, meId) ? sortChats([chat, ...rest]) : rest;
}

/** Applies a change to a chat already in the list (no-op when it is not there). */
export function patchChat(
  list: readonly Chat[],
  chatId: string,
  change: (chat: Chat) => Chat,
): Chat[] {
  return list.some((c) => c._id === chatId)
    ? sortChats(list.map((c) => (c._id === chatId ? change(c) : c)))
    : [...list];
}

export function toLastMessage(message: Message): LastMessage {
  return {
    _id: message._id,
    sender: message.sender,
    content: message.content,
    messageType: message.messageType,
    createdAt: message.createdAt,
  };
}

/** A message seen in an open room: preview and activity move, the chat goes to the top. */
export function withMessage(chat: Chat, message: Message): Chat {
  if (message.isInternalNote)
    return { ...chat, lastActivityAt: laterOf(chat.lastActivityAt, message.createdAt) };
  return {
    ...chat,
    lastMessage: toLastMessage(message),
    lastActivityAt: laterOf(chat.lastActivityAt, message.createdAt),
  };
}

function laterOf(a: string | undefined, b: string): string {
  return a && Date.parse(a) > Date.parse(b) ? a : b;
}

/** Merges the next page under the current list without duplicates. */
export function appendPage(list: readonly Chat[], page: readonly Chat[]): Chat[] {
  const seen = new Set(list.map((c) => c._id));
  return [...list, ...page.filter((c) => !seen.has(c._id))];
}

export function lastSenderIsAdmin(chat: Chat): boolean {
  const sender = chat.lastMessage?.sender;
  if (!sender) return false;
  if (typeof sender !== 'string') return sender.isAdmin;
  return refId(sender) !== chat.user._id;
}

/**
 * A chat from a socket event carries no labels (users get the same events' shape): it keeps the
 * labels the list knew.
 */
export function keepLabels(chat: Chat, known: Chat | undefined): Chat {
  return chat.labels || !known?.labels ? chat : { ...chat, labels: known.labels };
}

/** A label renamed or recoloured (`label`) or deleted (`deletedId`), as the list's chats show it. */
export function withLabelChange(chat: Chat, change: { label?: Label; deletedId?: string }): Chat {
  if (!chat.labels) return chat;
  const { label, deletedId } = change;
  if (deletedId) return { ...chat, labels: chat.labels.filter((l) => l._id !== deletedId) };
  if (label) return { ...chat, labels: chat.labels.map((l) => (l._id === label._id ? label : l)) };
  return chat;
}
