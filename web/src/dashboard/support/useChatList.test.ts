import { describe, expect, it } from 'vitest';
import { bob, chat } from '../../shared/logic/testMessages';
import { NO_FILTERS } from './chatList';
import { chatListReducer, INITIAL } from './useChatList';

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
