/** Support chat endpoints shared by users and admins (DESIGN.md §2). */
import type {
  Chat,
  ChatEvent,
  ChatPage,
  ChatStatus,
  Message,
  MessagePage,
  Person,
  Priority,
  Rating,
  RatingState,
  Stats,
} from '../types';
import type { ApiClient } from './client';

/** The caller's chat, or null without one (asked as `optional`: no 404 in the browser console). */
export function getMyChat(api: ApiClient): Promise<Chat | null> {
  return api.request<Chat | null>('GET', '/chats/support', { query: { optional: 'true' } });
}

export function createSupportChat(
  api: ApiClient,
  body: { subject?: string; message: string; clientMessageId?: string },
): Promise<Chat> {
  return api.request<Chat>('POST', '/chats/support', { body });
}

/**
 * Without a cursor the newest page, newest first; `before` pages back from a message, `since`
 * reads forward after one, oldest first (catching up on missed messages).
 */
export function fetchMessages(
  api: ApiClient,
  chatId: string,
  page: { limit?: number; before?: string | null; since?: string | null } = {},
): Promise<MessagePage> {
  return api.request<MessagePage>('GET', `/chats/${encodeURIComponent(chatId)}/messages`, {
    query: { limit: page.limit, before: page.before, since: page.since },
  });
}

export function markChatRead(api: ApiClient, chatId: string): Promise<unknown> {
  return api.request('POST', `/chats/${encodeURIComponent(chatId)}/read`);
}

export function postMessage(
  api: ApiClient,
  chatId: string,
  body: { content: string; isInternalNote?: boolean; clientMessageId?: string },
): Promise<Message> {
  return api.request<Message>('POST', `/chats/${encodeURIComponent(chatId)}/messages`, { body });
}

export interface ChatListQuery {
  status?: ChatStatus | '';
  priority?: Priority | '';
  assigned?: 'me' | 'none' | '';
  q?: string;
  /** A label's id (staff). */
  label?: string;
  page?: number;
  limit?: number;
}

export function listAllChats(api: ApiClient, query: ChatListQuery): Promise<ChatPage> {
  return api.request<ChatPage>('GET', '/chats/admin/all', { query: { ...query } });
}

export function fetchRating(api: ApiClient, chatId: string): Promise<RatingState> {
  return api.request<RatingState>('GET', `/chats/${encodeURIComponent(chatId)}/rating`);
}

export function rateChat(
  api: ApiClient,
  chatId: string,
  body: { score: number; comment?: string },
): Promise<Rating> {
  return api.request<Rating>('POST', `/chats/${encodeURIComponent(chatId)}/rating`, { body });
}

export function fetchStats(api: ApiClient): Promise<Stats> {
  return api.request<Stats>('GET', '/chats/admin/stats');
}

export function updateChatStatus(
  api: ApiClient,
  chatId: string,
  body: { status?: ChatStatus; priority?: Priority },
): Promise<Chat> {
  return api.request<Chat>('PUT', `/chats/${encodeURIComponent(chatId)}/status`, { body });
}

export function assignChat(api: ApiClient, chatId: string, adminId?: string): Promise<Chat> {
  return api.request<Chat>('POST', `/chats/${encodeURIComponent(chatId)}/assign`, {
    body: adminId ? { adminId } : {},
  });
}

/** Takes the chat from its agent back to the queue (staff). */
export function unassignChat(api: ApiClient, chatId: string): Promise<Chat> {
  return api.request<Chat>('POST', `/chats/${encodeURIComponent(chatId)}/unassign`, { body: {} });
}

/** The chat's status changes and assignments, oldest first (staff). */
export function fetchChatEvents(api: ApiClient, chatId: string): Promise<ChatEvent[]> {
  return api.request<ChatEvent[]>('GET', `/chats/${encodeURIComponent(chatId)}/events`);
}

/** Who the agent is talking to (admins only). */
export function fetchPerson(api: ApiClient, chatId: string): Promise<Person> {
  return api.request<Person>('GET', `/chats/${encodeURIComponent(chatId)}/person`);
}

/** One message that matched a search, with the part to show and its chat. */
export interface MessageHit {
  _id: string;
  chatId: string;
  createdAt: string;
  isInternalNote: boolean;
  sender: { _id: string; fullName: string; isAdmin: boolean };
  /** At most 160 characters around the first match; highlights are [start, end) in text. */
  snippet: { text: string; cutBefore: boolean; cutAfter: boolean; highlights: [number, number][] };
  chat: {
    _id: string;
    subject: string;
    status: ChatStatus;
    user: { fullName: string; email: string };
  };
}

export interface MessageHits {
  words: string[];
  results: MessageHit[];
  /** More messages match than were returned. */
  more: boolean;
}

/** The newest messages containing every word of q (staff only; notes included). */
export function searchMessages(api: ApiClient, q: string): Promise<MessageHits> {
  return api.request<MessageHits>('GET', '/chats/admin/messages/search', {
    query: { q, limit: 20 },
  });
}
