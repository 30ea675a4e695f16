/** Small React bindings for the framework-free shared modules. */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Session, SessionData } from '../api/session';
import type { ChatRoom, ChatRoomState } from '../chatRoom';
import type { ConnectionStatus, SocketConnection } from '../socket/connection';

export function useSession(session: Session): SessionData | null {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.get(),
  );
}

export function useChatRoom(room: ChatRoom): ChatRoomState {
  return useSyncExternalStore(room.subscribe, room.getState);
}

const BACK_ONLINE_MS = 3000;
const noConnection = () => () => undefined;

/** The connection status plus a short-lived "back online" after an outage. */
export function useConnectionStatus(
  connection: SocketConnection | null,
): ConnectionStatus | 'back-online' | 'idle' {
  const subscribe = useCallback(
    (listener: () => void) => (connection ? connection.onStatus(listener) : noConnection()),
    [connection],
  );
  const status = useSyncExternalStore(subscribe, () => connection?.getStatus() ?? 'idle');
  const [backOnlineUntil, setBackOnlineUntil] = useState(0);
  useEffect(() => {
    if (!connection) return;
    let wasOffline = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = connection.onStatus((next) => {
      if (next === 'offline') wasOffline = true;
      if (next === 'online' && wasOffline) {
        wasOffline = false;
        setBackOnlineUntil(Date.now() + BACK_ONLINE_MS);
        clearTimeout(timer);
        timer = setTimeout(() => setBackOnlineUntil(0), BACK_ONLINE_MS);
      }
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [connection]);
  return backOnlineUntil > 0 && status === 'online' ? 'back-online' : status;
}

export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/** Whether a media query matches now, following changes (window resizes, rotation). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}
