// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './router';

describe('dashboard routes', () => {
  it('parses the support list, a chat and the stats page', () => {
    expect(parseRoute('/admin/support')).toEqual({ name: 'chats', chatId: null });
    expect(parseRoute('/admin/support/chat/abc%20d')).toEqual({ name: 'chats', chatId: 'abc d' });
    expect(parseRoute('/admin/support/stats')).toEqual({ name: 'stats' });
    expect(parseRoute('/admin/support/webhooks')).toEqual({ name: 'webhooks' });
    expect(routePath({ name: 'webhooks' })).toBe('/admin/support/webhooks');
    expect(parseRoute('/admin/anything')).toEqual({ name: 'chats', chatId: null });
  });

  it('opens a chat at a message (a search result) and back', () => {
    const route = { name: 'chats', chatId: 'c1', messageId: 'm 2' } as const;
    expect(routePath(route)).toBe('/admin/support/chat/c1/message/m%202');
    expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('builds paths back', () => {
    expect(routePath({ name: 'chats', chatId: 'x/y' })).toBe('/admin/support/chat/x%2Fy');
    expect(routePath({ name: 'stats' })).toBe('/admin/support/stats');
  });
});
