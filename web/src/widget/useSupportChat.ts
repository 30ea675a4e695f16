/**
 * The signed-in user's support chat: finds it (or learns there is none yet), creates it with
 * the first message, keeps a ChatRoom for it, and turns status changes into notices.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createSupportChat, getMyChat } from '../shared/api/chats';
import { ApiError } from '../shared/api/client';
import { ChatRoom } from '../shared/chatRoom';
import type { AssignedEvent, StatusUpdatedEvent } from '../shared/events';
import type { SocketConnection } from '../shared/socket/connection';
import type { Chat, ChatStatus, User } from '../shared/types';
import type { Notice } from '../shared/ui/MessageTimeline';
import { loadOutbox, saveOutbox, type WidgetServices } from './services';

export type ChatPhase = 'loading' | 'none' | 'ready' | 'error';

export interface SupportChat {
  phase: ChatPhase;
  chat: Chat | null;
  room: ChatRoom | null;
  notices: Notice[];
  supportOnline: boolean | null;
  error: string | null;
  create: (message: string, subject?: string) => Promise<void>;
  reload: () => void;
}

const STATUS_NOTICE: Record<ChatStatus, string> = {
  open: 'Your ticket is open again.',
  'in-progress': 'Your ticket is being worked on.',
  resolved: 'Your ticket was resolved. Write again if you need more help.',
  closed: 'Your ticket was closed. Write again to reopen it.',
};

function notice(text: string): Notice {
  return { id: `${Date.now()}-${Math.random()}`, createdAt: new Date().toISOString(), text };
}

export function useSupportChat(
  services: WidgetServices,
  connection: SocketConnection | null,
  user: User | null,
): SupportChat {
  const { api, storage } = services;
  const [phase, setPhase] = useState<ChatPhase>('loading');
  const [chat, setChat] = useState<Chat | null>(null);
  const [room, setRoom] = useState<ChatRoom | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [supportOnline, setSupportOnline] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const userId = user && !user.isAdmin ? user._id : null;

  // Find the user's chat whenever the signed-in user changes.
  useEffect(() => {
    setChat(null);
    setNotices([]);
    if (!userId) return;
    let cancelled = false;
    setPhase('loading');
    getMyChat(api)
      .then((found) => {
        if (cancelled) return;
        setChat(found);
        if (typeof found.supportOnline === 'boolean') setSupportOnline(found.supportOnline);
        setPhase('ready');
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.code === 'not_found') {
          setPhase('none');
        } else {
          setError(e instanceof Error ? e.message : 'Could not load your conversation');
          setPhase('error');
        }
      });
    return () => {
      cancelled = true;
    };
  }, [api, userId, attempt]);

  const chatId = chat?._id ?? null;
  // Read by the socket handlers, which must not run side effects inside state updaters.
  const status = useRef<ChatStatus | null>(null);
  status.current = chat?.status ?? null;

  // One ChatRoom per chat and connection.
  useEffect(() => {
    if (!chatId || !connection || !userId) {
      setRoom(null);
      return;
    }
    const created = new ChatRoom({
      api,
      link: connection,
      chatId,
      viewerIsAdmin: false,
      initialOutbox: loadOutbox(storage, userId),
      onOutboxChange: (entries) => saveOutbox(storage, userId, entries),
    });
    created.start();
    setRoom(created);
    return () => created.dispose();
  }, [api, storage, connection, chatId, userId]);

  // Status, assignment and presence events for this user's chat.
  useEffect(() => {
    if (!connection) return;
    const onStatus = (event: StatusUpdatedEvent) => {
      if (event.chatId !== chatId) return;
      if (status.current && status.current !== event.status) {
        status.current = event.status;
        setNotices((n) => [...n, notice(STATUS_NOTICE[event.status])]);
      }
      setChat((current) =>
        current ? { ...current, ...(event.chat ?? {}), status: event.status, priority: event.priority } : current,
      );
    };
    const onAssigned = (event: AssignedEvent) => {
      if (event.chatId !== chatId) return;
      setChat((current) => (current ? { ...current, ...(event.chat ?? {}), admin: event.admin } : current));
      if (event.admin) setNotices((n) => [...n, notice(`${event.admin?.fullName ?? 'An agent'} is handling your ticket.`)]);
    };
    const offs = [
      connection.on('support_chat_status_updated', onStatus),
      connection.on('support_chat_assigned', onAssigned),
      connection.on('support_presence', (p) => setSupportOnline(p.online)),
    ];
    return () => offs.forEach((off) => off());
  }, [connection, chatId]);

  const create = useCallback(
    async (message: string, subject?: string) => {
      setError(null);
      const created = await createSupportChat(api, { message, ...(subject ? { subject } : {}) });
      setChat(created);
      setPhase('ready');
    },
    [api],
  );

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { phase, chat, room, notices, supportOnline, error, create, reload };
}
