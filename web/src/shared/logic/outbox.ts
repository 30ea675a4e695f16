/**
 * Outbox of messages not yet acknowledged by the server, as pure functions over an array.
 *
 * A message is sent at once when connected, otherwise it waits as `queued`. When the connection
 * returns each queued message is sent once more; the clientMessageId lets the server drop a
 * duplicate if the first attempt did reach it. After its attempts are used up, or when the
 * server refuses it, an entry is `failed` and waits for the person to press Retry.
 */
import { t } from '../i18n/i18n';

import type { Attachment } from '../types';

export type OutboxState = 'queued' | 'sending' | 'failed';

export interface OutboxEntry {
  clientMessageId: string;
  chatId: string;
  content: string;
  isInternalNote: boolean;
  createdAt: string;
  /** Files already uploaded, sent with the message (words are optional then). */
  attachments?: Attachment[];
  state: OutboxState;
  /** Send attempts made so far. */
  attempts: number;
  error?: string;
}

/** The first send plus one resend after a reconnect. */
export const MAX_AUTOMATIC_ATTEMPTS = 2;

export function enqueue(
  box: readonly OutboxEntry[],
  entry: Pick<
    OutboxEntry,
    'clientMessageId' | 'chatId' | 'content' | 'isInternalNote' | 'createdAt' | 'attachments'
  >,
): OutboxEntry[] {
  if (box.some((e) => e.clientMessageId === entry.clientMessageId)) return [...box];
  return [...box, { ...entry, state: 'queued', attempts: 0 }];
}

function update(
  box: readonly OutboxEntry[],
  id: string,
  change: (entry: OutboxEntry) => OutboxEntry,
): OutboxEntry[] {
  return box.map((e) => (e.clientMessageId === id ? change(e) : e));
}

/** Entries to send now: queued ones that still have an automatic attempt left. */
export function sendable(box: readonly OutboxEntry[]): OutboxEntry[] {
  return box.filter((e) => e.state === 'queued' && e.attempts < MAX_AUTOMATIC_ATTEMPTS);
}

export function markSending(box: readonly OutboxEntry[], id: string): OutboxEntry[] {
  return update(box, id, (e) => ({
    ...e,
    state: 'sending',
    attempts: e.attempts + 1,
    error: undefined,
  }));
}

/** The server stored the message: it leaves the outbox (the message list now holds it). */
export function markSent(box: readonly OutboxEntry[], id: string): OutboxEntry[] {
  return box.filter((e) => e.clientMessageId !== id);
}

/** The server answered with an error: retrying automatically would get the same answer. */
export function markRejected(
  box: readonly OutboxEntry[],
  id: string,
  error: string,
): OutboxEntry[] {
  return update(box, id, (e) => ({ ...e, state: 'failed', error }));
}

/**
 * No answer (timeout or the connection dropped): the message may or may not have been stored,
 * so it goes back to the queue if it has an attempt left, and fails otherwise.
 */
export function markUnanswered(box: readonly OutboxEntry[], id: string): OutboxEntry[] {
  return update(box, id, (e) =>
    e.attempts < MAX_AUTOMATIC_ATTEMPTS
      ? { ...e, state: 'queued' }
      : { ...e, state: 'failed', error: t('message.notDelivered') },
  );
}

/** Everything in flight when the connection drops waits for the reconnect. */
export function markDisconnected(box: readonly OutboxEntry[]): OutboxEntry[] {
  return box.map((e) =>
    e.state === 'sending' ? (markUnanswered([e], e.clientMessageId)[0] ?? e) : e,
  );
}

/** A manual retry gives a failed entry a fresh set of attempts. */
export function retry(box: readonly OutboxEntry[], id: string): OutboxEntry[] {
  return update(box, id, (e) =>
    e.state === 'failed' ? { ...e, state: 'queued', attempts: 0, error: undefined } : e,
  );
}

export function discard(box: readonly OutboxEntry[], id: string): OutboxEntry[] {
  return box.filter((e) => e.clientMessageId !== id);
}

/** Drops entries whose message already arrived by another path (e.g. the room echo). */
export function reconcile(
  box: readonly OutboxEntry[],
  deliveredIds: ReadonlySet<string>,
): OutboxEntry[] {
  const kept = box.filter((e) => !deliveredIds.has(e.clientMessageId));
  return kept.length === box.length ? [...box] : kept;
}
