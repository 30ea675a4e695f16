/** Support chat endpoints shared by users and admins (DESIGN.md §2). */
import type {
  Chat,
  ChatPage,
  ChatStatus,
  Message,
  MessagePage,
  Person,
  Priority,
  Stats,
} from '../types';
import type { ApiClient } from './client';

export function getMyChat(api: ApiClient): Promise<Chat> {
  return api.request<Chat>('GET', '/chats/support');
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

/** Who the agent is talking to (admins only). */
export function fetchPerson(api: ApiClient, chatId: string): Promise<Person> {
  return api.request<Person>('GET', `/chats/${encodeURIComponent(chatId)}/person`);
}
