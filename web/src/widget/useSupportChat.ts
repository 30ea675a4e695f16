/**
 * The signed-in user's support chat: finds it (or learns there is none yet), creates it with
 * the first message, keeps a ChatRoom for it, and turns status changes into notices.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createSupportChat, getMyChat } from '../shared/api/chats';
import { ApiError } from '../shared/api/client';
import { ChatRoom } from '../shared/chatRoom';
import type { AssignedEvent, StatusUpdatedEvent } from '../shared/events';
import { useStartedRoom } from '../shared/react/useSocketConnection';
import type { SocketConnection } from '../shared/socket/connection';
import type { Chat, ChatStatus, User } from '../shared/types';
import type { Notice } from '../shared/ui/MessageTimeline';
import { refusalSentence } from './accessRules';
import { loadOutbox, saveOutbox } from './persisted';
import type { WidgetServices } from './services';
import { t } from '../shared/i18n/i18n';

export type ChatPhase = 'loading' | 'none' | 'ready' | 'error';

export interface SupportChat {
  phase: ChatPhase;
  chat: Chat | null;
  room: ChatRoom | null;
  notices: Notice[];
  supportOnline: boolean | null;
  /** Median first response of the last 7 days; null when unknown. */
  typicalReplyMs: number | null;
  error: string | null;
  create: (message: string, subject?: string) => Promise<void>;
  reload: () => void;
}

interface State {
  /** Whose chat this state describes: state of a previous user is never shown. */
  owner: string | null;
  phase: ChatPhase;
  chat: Chat | null;
  notices: Notice[];
  error: string | null;
}

const statusNotice = (status: ChatStatus) => t(`conversation.notice.${status}`);

function notice(text: string): Notice {
  return { id: `${Date.now()}-${Math.random()}`, createdAt: new Date().toISOString(), text };
}

function initial(owner: string | null): State {
  return { owner, phase: 'loading', chat: null, notices: [], error: null };
}

export function useSupportChat(
  services: WidgetServices,
  connection: SocketConnection | null,
  user: User | null,
): SupportChat {
  const { api, storage } = services;
  const userId = user && !user.isAdmin ? user._id : null;
  const [stored, setState] = useState<State>(() => initial(userId));
  const [supportOnline, setSupportOnline] = useState<boolean | null>(null);
  const [typicalReplyMs, setTypicalReplyMs] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const state = stored.owner === userId ? stored : initial(userId);

  // Updates that belong to this user only (a late answer for a signed-out user is dropped).
  const update = useCallback(
    (change: (s: State) => State) =>
      setState((s) => change(s.owner === userId ? s : initial(userId))),
    [userId],
  );

  useEffect(() => {
    if (!userId) return;
    let cancelled = false;
    getMyChat(api)
      .then((found) => {
        if (cancelled) return;
        if (!found) {
          update((s) => ({ ...s, phase: 'none', error: null }));
          return;
        }
        if (typeof found.supportOnline === 'boolean') setSupportOnline(found.supportOnline);
        setTypicalReplyMs(typeof found.typicalReplyMs === 'number' ? found.typicalReplyMs : null);
        update((s) => ({ ...s, phase: 'ready', chat: found, error: null }));
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        const none = e instanceof ApiError && e.code === 'not_found';
        const error = none ? null : refusalSentence(e, 'start');
        update((s) => ({ ...s, phase: none ? 'none' : 'error', error }));
      });
    return () => {
      cancelled = true;
    };
  }, [api, userId, attempt, update]);

  const chatId = state.chat?._id ?? null;
  const created = useMemo(
    () =>
      chatId && connection && userId
        ? new ChatRoom({
            api,
            link: connection,
            chatId,
            viewerIsAdmin: false,
            initialOutbox: loadOutbox(storage, userId),
            onOutboxChange: (entries) => saveOutbox(storage, userId, entries),
          })
        : null,
    [api, storage, connection, chatId, userId],
  );
  const room = useStartedRoom(created);

  // The socket handlers compare with the status on screen without re-subscribing on each change.
  const status = useRef<ChatStatus | null>(null);
  useEffect(() => {
    status.current = state.chat?.status ?? null;
  }, [state.chat?.status]);

  useEffect(() => {
    if (!connection) return;
    const onStatus = (event: StatusUpdatedEvent) => {
      if (event.chatId !== chatId) return;
      const changed = status.current !== null && status.current !== event.status;
      status.current = event.status;
      update((s) => ({
        ...s,
        chat: s.chat
          ? { ...s.chat, ...(event.chat ?? {}), status: event.status, priority: event.priority }
          : s.chat,
        notices: changed ? [...s.notices, notice(statusNotice(event.status))] : s.notices,
      }));
    };
    const onAssigned = (event: AssignedEvent) => {
      if (event.chatId !== chatId) return;
      const text = event.admin
        ? t('conversation.notice.assigned', {
            name: event.admin.fullName || t('conversation.notice.anAgent'),
          })
        : null;
      update((s) => ({
        ...s,
        chat: s.chat ? { ...s.chat, ...(event.chat ?? {}), admin: event.admin } : s.chat,
        notices: text ? [...s.notices, notice(text)] : s.notices,
      }));
    };
    const offs = [
      connection.on('support_chat_status_updated', onStatus),
      connection.on('support_chat_assigned', onAssigned),
      connection.on('support_presence', (p) => setSupportOnline(p.online)),
    ];
    return () => offs.forEach((off) => off());
  }, [connection, chatId, update]);

  const create = useCallback(
    async (message: string, subject?: string) => {
      const created = await createSupportChat(api, { message, ...(subject ? { subject } : {}) });
      update((s) => ({ ...s, phase: 'ready', chat: created, error: null }));
    },
    [api, update],
  );

  const reload = useCallback(() => {
    update((s) => ({ ...s, phase: 'loading', error: null }));
    setAttempt((n) => n + 1);
  }, [update]);

  return { ...state, room, supportOnline, typicalReplyMs, create, reload };
}
