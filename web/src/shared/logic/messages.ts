/**
 * Merging live socket events with fetched pages: one chronological list with no duplicates,
 * however the same message arrives (page, room echo, send acknowledgement).
 */
import type { ReadEvent } from '../events';
import type { Message } from '../types';

/** The server's order: by creation time, then by id. */
export function compareMessages(a: Message, b: Message): number {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) return byTime;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/** Ascending by time. A later copy of a message (same _id) replaces the earlier one. */
export function mergeMessages(
  current: readonly Message[],
  incoming: readonly Message[],
): Message[] {
  if (incoming.length === 0) return [...current];
  const byId = new Map<string, Message>();
  for (const m of current) byId.set(m._id, m);
  for (const m of incoming) {
    const existing = byId.get(m._id);
    // Read flags only ever go from false to true; a stale copy must not clear them, nor undo
    // an edit (a page fetched before the edit can arrive after its event).
    const stale = existing && Date.parse(existing.updatedAt) > Date.parse(m.updatedAt);
    byId.set(
      m._id,
      existing
        ? {
            ...m,
            ...(stale
              ? {
                  content: existing.content,
                  isEdited: existing.isEdited,
                  updatedAt: existing.updatedAt,
                }
              : {}),
            isReadByAdmin: m.isReadByAdmin || existing.isReadByAdmin,
            isReadByUser: m.isReadByUser || existing.isReadByUser,
          }
        : m,
    );
  }
  return [...byId.values()].sort(compareMessages);
}

/**
 * The newest page (newest first) in place of `current`, as if the conversation were opened
 * again; messages not older than the page stay (they arrived live while it was read).
 */
export function withNewestPage(
  current: readonly Message[],
  newestFirst: readonly Message[],
): Message[] {
  const oldest = newestFirst.at(-1);
  const kept = oldest ? current.filter((m) => compareMessages(m, oldest) >= 0) : current;
  return mergeMessages(kept, newestFirst);
}

/**
 * Where a forward catch-up starts: the newest of `messages` (chronological) dated at least
 * `marginMs` before the synced point, else the oldest. A message is dated when sent and
 * committed a little later, so one dated just before the point may have been committed after
 * the page that set it was read.
 */
export function catchUpStart(
  messages: readonly Message[],
  synced: Message,
  marginMs: number,
): Message | null {
  const latest = Date.parse(synced.createdAt) - marginMs;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i];
    if (m && Date.parse(m.createdAt) <= latest) return m;
  }
  return messages[0] ?? null;
}

/**
 * Applies a support_messages_read event: the reader has read the other side's messages up to
 * readAt. Messages created after readAt (arriving out of order) stay unread.
 */
export function applyReadReceipt(messages: readonly Message[], event: ReadEvent): Message[] {
  const readAt = Date.parse(event.readAt);
  const limit = Number.isNaN(readAt) ? Number.POSITIVE_INFINITY : readAt;
  const flag = event.readerIsAdmin ? 'isReadByAdmin' : 'isReadByUser';
  let changed = false;
  const next = messages.map((m) => {
    const fromOtherSide = m.sender.isAdmin !== event.readerIsAdmin;
    if (!fromOtherSide || m[flag] || Date.parse(m.createdAt) > limit) return m;
    changed = true;
    return { ...m, [flag]: true };
  });
  return changed ? next : [...messages];
}

/** Marks the other side's messages read locally, as the server will after mark-read. */
export function markReadLocally(messages: readonly Message[], viewerIsAdmin: boolean): Message[] {
  return applyReadReceipt(messages, {
    chatId: '',
    readBy: '',
    readerIsAdmin: viewerIsAdmin,
    readAt: new Date(8.64e15).toISOString(),
  });
}

export function clientIdsOf(messages: readonly Message[]): Set<string> {
  const ids = new Set<string>();
  for (const m of messages) if (m.clientMessageId) ids.add(m.clientMessageId);
  return ids;
}
