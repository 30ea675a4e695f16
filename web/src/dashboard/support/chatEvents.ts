/**
 * The chat's timeline besides its messages (GET /chats/:id/events): who took it, set its status,
 * reopened it or gave it back, as sentences between the messages (staff only).
 */
import { useEffect, useState } from 'react';
import { fetchChatEvents } from '../../shared/api/chats';
import type { ApiClient } from '../../shared/api/client';
import { formatDate, t } from '../../shared/i18n/i18n';
import type { ChatEvent, ChatStatus, UserRef } from '../../shared/types';
import type { Notice } from '../../shared/ui/MessageTimeline';

function name(u: UserRef | null): string {
  return u ? u.fullName || u.email || t('events.someone') : t('events.someone');
}

function agent(v: ChatEvent['from']): UserRef | null {
  return typeof v === 'object' && v !== null ? v : null;
}

function statusLabel(status: ChatStatus): string {
  switch (status) {
    case 'open':
      return t('badge.status.open');
    case 'in-progress':
      return t('badge.status.in-progress');
    case 'resolved':
      return t('badge.status.resolved');
    case 'closed':
      return t('badge.status.closed');
  }
}

/** One event as a sentence. */
export function eventSentence(e: ChatEvent): string {
  if (e.type === 'status') {
    const to = e.to as ChatStatus;
    // Only a user's own message reopens a chat as its user: the server records them as the actor.
    if (e.actor && !e.actor.isAdmin) return t('events.reopened', { actor: name(e.actor) });
    return t('events.status', { actor: name(e.actor), status: statusLabel(to) });
  }
  const to = agent(e.to);
  if (!to) {
    return e.actor
      ? t('events.unassigned', { actor: name(e.actor) })
      : t('events.requeued', { agent: name(agent(e.from)) });
  }
  if (!e.actor) return t('events.assignedAuto', { agent: name(to) });
  if (e.actor._id === to._id) return t('events.tookIt', { actor: name(e.actor) });
  return t('events.assigned', { actor: name(e.actor), agent: name(to) });
}

/**
 * The events as notices of the conversation, with their time; only from the first loaded message
 * on while older pages remain (`since`), so nothing floats above messages not yet loaded.
 */
export function eventNotices(events: ChatEvent[], since: string | null): Notice[] {
  const from = since ? Date.parse(since) : -Infinity;
  return events
    .filter((e) => Date.parse(e.createdAt) >= from)
    .map((e) => ({
      id: `event-${e._id}`,
      createdAt: e.createdAt,
      text: `${eventSentence(e)} · ${formatDate(e.createdAt, { hour: 'numeric', minute: '2-digit' })}`,
    }));
}

/**
 * The chat's events, fetched again whenever `version` changes (its status, agent or update time):
 * every change the timeline shows also changes the chat. A failed fetch keeps what was shown.
 */
export function useChatEvents(api: ApiClient, chatId: string, version: string): ChatEvent[] {
  const [events, setEvents] = useState<ChatEvent[]>([]);
  useEffect(() => {
    let live = true;
    fetchChatEvents(api, chatId)
      .then((found) => live && setEvents(found))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, chatId, version]);
  return events;
}
