/** What the widget keeps in the iframe's storage besides the session: open state and outbox. */
import type { OutboxEntry } from '../shared/logic/outbox';
import type { KeyValueStore } from '../shared/storage';

const OPEN_KEY = 'support-chat.widget.open';
const OUTBOX_KEY = 'support-chat.widget.outbox';
const ALERTS_KEY = 'support-chat.widget.alerts';

/** Sound and title alerts for replies: on unless the person turned them off. */
export function loadAlerts(storage: KeyValueStore): boolean {
  return storage.get(ALERTS_KEY) !== 'off';
}

export function saveAlerts(storage: KeyValueStore, on: boolean): void {
  storage.set(ALERTS_KEY, on ? 'on' : 'off');
}

export function loadOpen(storage: KeyValueStore): boolean {
  return storage.get(OPEN_KEY) === '1';
}

export function saveOpen(storage: KeyValueStore, open: boolean): void {
  storage.set(OPEN_KEY, open ? '1' : '0');
}

/** Unsent messages survive a reload of the host page (per user). */
export function loadOutbox(storage: KeyValueStore, userId: string): OutboxEntry[] {
  try {
    const parsed = JSON.parse(storage.get(`${OUTBOX_KEY}.${userId}`) ?? '[]') as OutboxEntry[];
    // Whatever was in flight when the page went away is queued again (same clientMessageId).
    return Array.isArray(parsed)
      ? parsed.map((e) => (e.state === 'sending' ? { ...e, state: 'queued' } : e))
      : [];
  } catch {
    return [];
  }
}

export function saveOutbox(storage: KeyValueStore, userId: string, entries: OutboxEntry[]): void {
  if (entries.length === 0) storage.remove(`${OUTBOX_KEY}.${userId}`);
  else storage.set(`${OUTBOX_KEY}.${userId}`, JSON.stringify(entries));
}
