import { describe, expect, it } from 'vitest';
import { bob, chat, message } from '../../shared/logic/testMessages';
import {
  appendPage,
  keepLabels,
  matchesFilters,
  NO_FILTERS,
  patchChat,
  toQuery,
  upsertChat,
  withLabelChange,
  withMessage,
} from './chatList';

const ids = (list: { _id: string }[]) => list.map((c) => c._id);
const me = bob._id;

describe('chat list', () => {
  const list = [chat('c3', 30), chat('c2', 20), chat('c1', 10)];

  it('moves a chat with a new user message to the top', () => {
    const updated = chat('c1', 40, { unreadByAdmin: 1 });
    const next = upsertChat(list, updated, NO_FILTERS, me);
    expect(ids(next)).toEqual(['c1', 'c3', 'c2']);
    expect(next[0]?.unreadByAdmin).toBe(1);
  });

  it('inserts a brand-new chat', () => {
    expect(ids(upsertChat(list, chat('c9', 50), NO_FILTERS, me))).toEqual(['c9', 'c3', 'c2', 'c1']);
  });

  it('drops a chat that stops matching the filters and ignores new ones that do not match', () => {
    const openOnly = { ...NO_FILTERS, status: 'open' as const };
    expect(ids(upsertChat(list, chat('c2', 20, { status: 'resolved' }), openOnly, me))).toEqual([
      'c3',
      'c1',
    ]);
    expect(ids(upsertChat(list, chat('c9', 50, { status: 'closed' }), openOnly, me))).toEqual([
      'c3',
      'c2',
      'c1',
    ]);
  });

  it('filters mine / unassigned / priority / search like the server', () => {
    const mine = chat('a', 1, { admin: bob, priority: 'urgent', subject: 'Refund please' });
    const free = chat('b', 1);
    expect(matchesFilters(mine, { ...NO_FILTERS, assigned: 'me' }, me)).toBe(true);
    expect(matchesFilters(free, { ...NO_FILTERS, assigned: 'me' }, me)).toBe(false);
    expect(matchesFilters(free, { ...NO_FILTERS, assigned: 'none' }, me)).toBe(true);
    expect(matchesFilters(mine, { ...NO_FILTERS, assigned: 'none' }, me)).toBe(false);
    expect(matchesFilters(mine, { ...NO_FILTERS, priority: 'urgent' }, me)).toBe(true);
    expect(matchesFilters(free, { ...NO_FILTERS, priority: 'urgent' }, me)).toBe(false);
    expect(matchesFilters(mine, { ...NO_FILTERS, q: 'refund' }, me)).toBe(true);
    expect(matchesFilters(mine, { ...NO_FILTERS, q: 'ALICE' }, me)).toBe(true);
    expect(matchesFilters(free, { ...NO_FILTERS, q: 'refund' }, me)).toBe(false);
  });

  it('updates the preview from a message and reorders', () => {
    const next = patchChat(list, 'c1', (c) =>
      withMessage(c, message('m', 45, { content: 'hi there' })),
    );
    expect(ids(next)).toEqual(['c1', 'c3', 'c2']);
    expect(next[0]?.lastMessage?.content).toBe('hi there');
  });

  it('does not show an internal note as the preview', () => {
    const updated = withMessage(
      chat('c1', 1),
      message('n', 45, { isInternalNote: true, content: 'secret' }),
    );
    expect(updated.lastMessage).toBeNull();
  });

  it('appends a page without duplicating chats that moved meanwhile', () => {
    expect(ids(appendPage(list, [chat('c1', 10), chat('c0', 5)]))).toEqual([
      'c3',
      'c2',
      'c1',
      'c0',
    ]);
  });

  it('turns filters into the query string of /chats/admin/all', () => {
    expect(
      toQuery({ status: 'open', priority: '', assigned: 'me', q: ' x ', label: 'l1' }, 2, 20),
    ).toEqual({
      status: 'open',
      priority: '',
      assigned: 'me',
      q: 'x',
      label: 'l1',
      page: 2,
      limit: 20,
    });
    expect(toQuery(NO_FILTERS, 1, 20).assigned).toBe('');
  });

  it('keeps a chat from a socket event in a label filter only when the list knew its label', () => {
    const vip = { _id: 'l1', name: 'VIP', colour: '#aa0000' };
    const filters = { ...NO_FILTERS, label: 'l1' };
    const fromSocket = chat('c1', 10);
    expect(matchesFilters(fromSocket, filters, me)).toBe(false);
    const known = keepLabels(fromSocket, { ...fromSocket, labels: [vip] });
    expect(known.labels).toEqual([vip]);
    expect(matchesFilters(known, filters, me)).toBe(true);
    expect(keepLabels({ ...fromSocket, labels: [] }, known).labels).toEqual([]);
  });

  it('shows a renamed label and drops a deleted one from a chat', () => {
    const vip = { _id: 'l1', name: 'VIP', colour: '#aa0000' };
    const other = { _id: 'l2', name: 'Billing', colour: '#000000' };
    const c = { ...chat('c1', 10), labels: [vip, other] };
    expect(withLabelChange(c, { label: { ...vip, name: 'Gold' } }).labels?.[0]?.name).toBe('Gold');
    expect(withLabelChange(c, { deletedId: 'l1' }).labels).toEqual([other]);
    expect(withLabelChange(chat('c2', 1), { deletedId: 'l1' }).labels).toBeUndefined();
  });
});
