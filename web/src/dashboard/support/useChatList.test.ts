// @vitest-environment jsdom
// The reducer alone, and the hook rendered with React against a fake API and socket.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { Session } from '../../shared/api/session';
import { bob, chat } from '../../shared/logic/testMessages';
import { createMemoryStore } from '../../shared/storage';
import type { ChatPage } from '../../shared/types';
import { NO_FILTERS } from './chatList';
import { chatListReducer, INITIAL, useChatList, type ChatListLink } from './useChatList';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('chatListReducer', () => {
  const loaded = chatListReducer(INITIAL, {
    type: 'loaded',
    chats: [chat('c1', 1)],
    pagination: { page: 1, limit: 25, total: 1, pages: 1 },
    append: false,
  });

  it('counts a chat that arrives live in the total', () => {
    const next = chatListReducer(loaded, {
      type: 'upsert',
      chat: chat('c2', 2),
      filters: NO_FILTERS,
      meId: bob._id,
    });
    expect(next.chats.map((c) => c._id)).toEqual(['c2', 'c1']);
    expect(next.pagination?.total).toBe(2);
  });

  it('keeps a chat that left the filters in the cache for the open conversation', () => {
    const filters = { ...NO_FILTERS, status: 'open' as const };
    const next = chatListReducer(loaded, {
      type: 'upsert',
      chat: chat('c1', 3, { status: 'closed' }),
      filters,
      meId: bob._id,
    });
    expect(next.chats).toEqual([]);
    expect(next.pagination?.total).toBe(0);
    expect(next.cache.c1?.status).toBe('closed');
  });

  it('zeroes the unread counter of a chat being read', () => {
    const withUnread = chatListReducer(INITIAL, {
      type: 'loaded',
      chats: [chat('c1', 1, { unreadByAdmin: 3 })],
      pagination: { page: 1, limit: 25, total: 1, pages: 1 },
      append: false,
    });
    const next = chatListReducer(withUnread, {
      type: 'patch',
      chatId: 'c1',
      change: (c) => ({ ...c, unreadByAdmin: 0 }),
    });
    expect(next.chats[0]?.unreadByAdmin).toBe(0);
    expect(next.cache.c1?.unreadByAdmin).toBe(0);
  });
});

/** A socket whose events and reconnects the test triggers. */
class FakeLink implements ChatListLink {
  private readonly handlers = new Map<string, () => void>();
  private readonly connectListeners: (() => void)[] = [];

  on = ((event: string, fn: () => void) => {
    this.handlers.set(event, fn);
    return () => this.handlers.delete(event);
  }) as ChatListLink['on'];

  onConnected = (fn: () => void) => {
    this.connectListeners.push(fn);
    fn();
    return () => undefined;
  };

  reconnect() {
    this.connectListeners.forEach((fn) => fn());
  }

  emit(event: string) {
    this.handlers.get(event)?.();
  }
}

describe('useChatList', () => {
  it('fetches the first page again after a reconnect and on support_resync', async () => {
    const pagesAsked: unknown[] = [];
    const api: ApiClient = {
      baseUrl: '',
      session: new Session(createMemoryStore(), 'x'),
      refresh: async () => true,
      request: (async (_method, _path, options) => {
        pagesAsked.push(options?.query?.page);
        const page: ChatPage = {
          chats: [chat('c1', 1)],
          pagination: { page: 1, limit: 25, total: 1, pages: 1 },
        };
        return page;
      }) as ApiClient['request'],
    };
    const link = new FakeLink();
    function Sidebar() {
      useChatList(api, link, NO_FILTERS, bob._id, () => undefined);
      return null;
    }
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(createElement(Sidebar)));
    expect(pagesAsked).toEqual([1]);
    await act(async () => link.reconnect());
    await act(async () => link.emit('support_resync'));
    expect(pagesAsked).toEqual([1, 1, 1]);
    act(() => root.unmount());
  });
});
