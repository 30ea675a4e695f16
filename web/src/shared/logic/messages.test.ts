import { describe, expect, it } from 'vitest';
import {
  applyReadReceipt,
  catchUpStart,
  clientIdsOf,
  markReadLocally,
  mergeMessages,
  withNewestPage,
} from './messages';
import { bob, chat, message } from './testMessages';
import { countUnread, titleWithCount, totalUnreadByAdmin, badgeText } from './unread';

const ids = (list: { _id: string }[]) => list.map((m) => m._id);

describe('mergeMessages', () => {
  it('merges an older page before the live messages', () => {
    const live = [message('m3', 3), message('m4', 4)];
    const olderPageNewestFirst = [message('m2', 2), message('m1', 1)];
    expect(ids(mergeMessages(live, olderPageNewestFirst))).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('ignores a message that arrives twice (ack and room echo)', () => {
    const list = mergeMessages([message('m1', 1)], [message('m2', 2)]);
    expect(ids(mergeMessages(list, [message('m2', 2)]))).toEqual(['m1', 'm2']);
  });

  it('keeps a page overlapping live events free of duplicates', () => {
    const live = [message('m5', 5), message('m6', 6)];
    const page = [message('m6', 6), message('m5', 5), message('m4', 4)];
    expect(ids(mergeMessages(live, page))).toEqual(['m4', 'm5', 'm6']);
  });

  it('orders messages with the same timestamp by id', () => {
    expect(ids(mergeMessages([message('b', 1)], [message('a', 1)]))).toEqual(['a', 'b']);
  });

  it('never turns a read tick back off with a stale copy', () => {
    const read = message('m1', 1, { isReadByAdmin: true });
    const stale = message('m1', 1, { isReadByAdmin: false, content: 'edited' });
    const merged = mergeMessages([read], [stale]);
    expect(merged[0]).toMatchObject({ isReadByAdmin: true, content: 'edited' });
  });

  it('keeps an edit when a page read before it arrives after it', () => {
    const original = message('m1', 1);
    const edited = {
      ...original,
      content: 'fixed typo',
      isEdited: true,
      updatedAt: new Date(Date.parse(original.updatedAt) + 60_000).toISOString(),
    };
    expect(mergeMessages([edited], [original])[0]).toMatchObject({
      content: 'fixed typo',
      isEdited: true,
    });
    expect(mergeMessages([original], [edited])[0]).toMatchObject({ content: 'fixed typo' });
  });

  it('collects clientMessageIds for outbox reconciliation', () => {
    expect(clientIdsOf([message('m1', 1, { clientMessageId: 'x' }), message('m2', 2)])).toEqual(
      new Set(['x']),
    );
  });
});

describe('withNewestPage', () => {
  it('drops messages older than the page and keeps those that arrived while it was read', () => {
    const current = [message('m1', 1), message('m8', 8), message('live', 12)];
    const newestFirst = [message('m11', 11), message('m10', 10), message('m9', 9)];
    expect(ids(withNewestPage(current, newestFirst))).toEqual(['m9', 'm10', 'm11', 'live']);
  });

  it('keeps everything when the chat has no messages yet', () => {
    expect(ids(withNewestPage([message('live', 1)], []))).toEqual(['live']);
  });
});

describe('catchUpStart', () => {
  const at = (id: string, second: number) =>
    message(id, 0, { createdAt: new Date(Date.UTC(2026, 10, 25, 10, 0, second)).toISOString() });

  it('starts at the newest message dated at least the margin before the synced point', () => {
    const list = [at('a', 0), at('b', 54), at('c', 55), at('d', 58), at('synced', 60)];
    expect(catchUpStart(list, at('synced', 60), 5000)?._id).toBe('c');
  });

  it('starts at the oldest message when none is that old', () => {
    const list = [at('a', 57), at('synced', 60), at('live', 90)];
    expect(catchUpStart(list, at('synced', 60), 5000)?._id).toBe('a');
  });
});

describe('applyReadReceipt', () => {
  const list = [
    message('m1', 1),
    message('m2', 2, { sender: bob }),
    message('m3', 3),
    message('m4', 9),
  ];
  const readAt = new Date(Date.UTC(2026, 10, 25, 10, 5)).toISOString();

  it('an admin reading marks the user messages up to readAt ✓✓', () => {
    const next = applyReadReceipt(list, {
      chatId: 'c1',
      readBy: 'a1',
      readerIsAdmin: true,
      readAt,
    });
    expect(next.map((m) => m.isReadByAdmin)).toEqual([true, false, true, false]);
  });

  it('a user reading marks the admin messages read by the user', () => {
    const next = applyReadReceipt(list, {
      chatId: 'c1',
      readBy: 'u1',
      readerIsAdmin: false,
      readAt,
    });
    expect(next.map((m) => m.isReadByUser)).toEqual([false, true, false, false]);
  });

  it('markReadLocally marks everything from the other side', () => {
    expect(markReadLocally(list, true).every((m) => m.sender.isAdmin || m.isReadByAdmin)).toBe(
      true,
    );
  });
});

describe('unread', () => {
  it('counts the other side’s unread messages, never internal notes', () => {
    const list = [
      message('m1', 1, { sender: bob }),
      message('m2', 2, { sender: bob, isReadByUser: true }),
      message('m3', 3, { sender: bob, isInternalNote: true }),
      message('m4', 4),
    ];
    expect(countUnread(list, false)).toBe(1);
    expect(countUnread(list, true)).toBe(1);
  });

  it('sums the dashboard unread counters and shows them in the title', () => {
    const total = totalUnreadByAdmin([
      chat('c1', 1, { unreadByAdmin: 2 }),
      chat('c2', 2, { unreadByAdmin: 3 }),
    ]);
    expect(total).toBe(5);
    expect(titleWithCount('Support', total)).toBe('(5) Support');
    expect(titleWithCount('Support', 0)).toBe('Support');
    expect(titleWithCount('Support', 150)).toBe('(99+) Support');
    expect(badgeText(12)).toBe('9+');
  });
});
