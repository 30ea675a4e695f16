/**
 * The sidebar's data: pages of /chats/admin/all for the current filters, kept current by the
 * socket events every admin receives (new chats, new messages, status and assignment changes).
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { listAllChats } from '../../shared/api/chats';
import type { ApiClient } from '../../shared/api/client';
import type { UserMessageNotification } from '../../shared/events';
import type { SocketConnection } from '../../shared/socket/connection';
import type { Chat, Label, Pagination } from '../../shared/types';
import {
  appendPage,
  keepLabels,
  withLabelChange,
  patchChat,
  sortChats,
  toLastMessage,
  toQuery,
  upsertChat,
  withMessage,
  type ChatFilters,
} from './chatList';
import { t } from '../../shared/i18n/i18n';

const PAGE_SIZE = 25;

interface State {
  chats: Chat[];
  /** Every chat seen, filtered or not: the open conversation may be outside the filters. */
  cache: Record<string, Chat>;
  pagination: Pagination | null;
  loading: boolean;
  error: string | null;
}

type Action =
  | { type: 'loading' }
  | { type: 'loaded'; chats: Chat[]; pagination: Pagination; append: boolean }
  | { type: 'failed'; error: string }
  | { type: 'upsert'; chat: Chat; filters: ChatFilters; meId: string }
  | { type: 'patch'; chatId: string; change: (chat: Chat) => Chat }
  | { type: 'patchAll'; change: (chat: Chat) => Chat };

function cacheWith(cache: Record<string, Chat>, chats: readonly Chat[]): Record<string, Chat> {
  const next = { ...cache };
  for (const chat of chats) next[chat._id] = chat;
  return next;
}

/** A chat that arrives (or leaves the filters) live changes the total shown in the sidebar. */
function withTotalChange(pagination: Pagination | null, delta: number): Pagination | null {
  if (!pagination || delta === 0) return pagination;
  return { ...pagination, total: Math.max(0, pagination.total + delta) };
}

export function chatListReducer(state: State, action: Action): State {
  switch (action.type) {
    case 'loading':
      return { ...state, loading: true, error: null };
    case 'loaded':
      return {
        ...state,
        chats: action.append ? appendPage(state.chats, action.chats) : sortChats(action.chats),
        cache: cacheWith(state.cache, action.chats),
        pagination: action.pagination,
        loading: false,
      };
    case 'failed':
      return { ...state, loading: false, error: action.error };
    case 'upsert': {
      const chat = keepLabels(action.chat, state.cache[action.chat._id]);
      const chats = upsertChat(state.chats, chat, action.filters, action.meId);
      return {
        ...state,
        chats,
        cache: cacheWith(state.cache, [chat]),
        pagination: withTotalChange(state.pagination, chats.length - state.chats.length),
      };
    }
    case 'patch': {
      const cached = state.cache[action.chatId];
      return {
        ...state,
        chats: patchChat(state.chats, action.chatId, action.change),
        cache: cached ? { ...state.cache, [action.chatId]: action.change(cached) } : state.cache,
      };
    }
    case 'patchAll': {
      const cache: Record<string, Chat> = {};
      for (const [id, c] of Object.entries(state.cache)) cache[id] = action.change(c);
      return { ...state, chats: state.chats.map(action.change), cache };
    }
  }
}

export const INITIAL: State = {
  chats: [],
  cache: {},
  pagination: null,
  loading: true,
  error: null,
};

export interface ChatList extends State {
  hasMore: boolean;
  loadMore: () => void;
  /** A chat changed through this admin's own REST call (status, priority, assignment). */
  replace: (chat: Chat) => void;
  /** The open conversation was read: its counter drops to zero without a refetch. */
  markSeen: (chatId: string) => void;
  /** The labels on a chat changed through this dashboard. */
  setLabels: (chatId: string, labels: Label[]) => void;
}

/** The part of SocketConnection the list uses (tests pass a fake). */
export type ChatListLink = Pick<SocketConnection, 'on' | 'onConnected'>;

export function useChatList(
  api: ApiClient,
  connection: ChatListLink | null,
  filters: ChatFilters,
  meId: string,
  onUserMessage: (event: UserMessageNotification) => void,
): ChatList {
  const [state, dispatch] = useReducer(chatListReducer, INITIAL);
  const page = useRef(1);
  const current = useRef({ filters, meId, onUserMessage });
  useEffect(() => {
    current.current = { filters, meId, onUserMessage };
  });

  const load = useCallback(
    async (pageNumber: number, append: boolean) => {
      dispatch({ type: 'loading' });
      try {
        const result = await listAllChats(api, toQuery(filters, pageNumber, PAGE_SIZE));
        page.current = pageNumber;
        dispatch({ type: 'loaded', chats: result.chats, pagination: result.pagination, append });
      } catch (e) {
        dispatch({
          type: 'failed',
          error: e instanceof Error ? e.message : t('chats.couldNotLoad'),
        });
      }
    },
    [api, filters],
  );

  useEffect(() => {
    void load(1, false);
  }, [load]);

  useEffect(() => {
    if (!connection) return;
    const upsert = (chat: Chat) => dispatch({ type: 'upsert', chat, ...current.current });
    let connects = 0;
    const offs = [
      connection.on('new_user_message_notification', (event) => {
        const chat = event.chat.lastMessage
          ? event.chat
          : { ...event.chat, lastMessage: toLastMessage(event.message) };
        upsert(chat);
        current.current.onUserMessage(event);
      }),
      connection.on('support_chat_status_updated', (event) => {
        if (event.chat) upsert(event.chat);
        else
          dispatch({
            type: 'patch',
            chatId: event.chatId,
            change: (c) => ({ ...c, status: event.status, priority: event.priority }),
          });
      }),
      connection.on('support_chat_assigned', (event) => {
        if (event.chat) upsert(event.chat);
        else
          dispatch({
            type: 'patch',
            chatId: event.chatId,
            change: (c) => ({ ...c, admin: event.admin }),
          });
      }),
      // Only for rooms this admin joined (the open chat): admins' replies move the chat too.
      connection.on('new_support_message', (message) => {
        dispatch({ type: 'patch', chatId: message.chat, change: (c) => withMessage(c, message) });
      }),
      connection.on('support_messages_read', (event) => {
        if (event.readerIsAdmin) {
          dispatch({
            type: 'patch',
            chatId: event.chatId,
            change: (c) => ({ ...c, unreadByAdmin: 0 }),
          });
        }
      }),
      // Events missed while disconnected, or by this node while Redis was unreachable: the
      // first page is fetched again.
      connection.onConnected(() => {
        connects += 1;
        if (connects > 1) void load(1, false);
      }),
      connection.on('support_resync', () => void load(1, false)),
      // Staff only: labels put on or taken off a chat, and labels renamed or deleted.
      connection.on('chat_labels_updated', (event) =>
        dispatch({
          type: 'patch',
          chatId: event.chatId,
          change: (c) => ({ ...c, labels: event.labels }),
        }),
      ),
      connection.on('labels_changed', (event) =>
        dispatch({ type: 'patchAll', change: (c) => withLabelChange(c, event) }),
      ),
    ];
    return () => offs.forEach((off) => off());
  }, [connection, load]);

  const pagination = state.pagination;
  const hasMore = pagination ? pagination.page < pagination.pages : false;
  const loadMore = useCallback(() => {
    if (hasMore && !state.loading) void load(page.current + 1, true);
  }, [hasMore, state.loading, load]);
  const replace = useCallback(
    (chat: Chat) => dispatch({ type: 'upsert', chat, ...current.current }),
    [],
  );
  const markSeen = useCallback(
    (chatId: string) =>
      dispatch({ type: 'patch', chatId, change: (c) => ({ ...c, unreadByAdmin: 0 }) }),
    [],
  );

  const setLabels = useCallback(
    (chatId: string, labels: Label[]) =>
      dispatch({ type: 'patch', chatId, change: (c) => ({ ...c, labels }) }),
    [],
  );

  return { ...state, hasMore, loadMore, replace, markSeen, setLabels };
}
