/** One socket per signed-in person; closed on sign-out, and a dead login signs the page out. */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/client';
import type { ChatRoom, ChatRoomState } from '../chatRoom';
import { SERVER_ORIGIN } from '../config';
import { SocketConnection } from '../socket/connection';

export function useSocketConnection(
  api: ApiClient,
  userId: string | null,
): SocketConnection | null {
  // Creating the connection opens nothing (autoConnect is off); the effect connects it.
  const connection = useMemo(
    () =>
      userId
        ? new SocketConnection({
            url: SERVER_ORIGIN,
            getToken: () => api.session.get()?.accessToken ?? null,
            refresh: () => api.refresh(),
            events: window,
          })
        : null,
    [api, userId],
  );
  useEffect(() => {
    if (!connection) return;
    const off = connection.onStatus((status) => {
      if (status === 'unauthorized') api.session.clear();
    });
    connection.connect();
    return () => {
      off();
      connection.close();
    };
  }, [api, connection]);
  return connection;
}

/** Keeps a room subscribed to the live stream while the component is mounted. */
export function useStartedRoom(room: ChatRoom | null): ChatRoom | null {
  useEffect(() => {
    if (!room) return;
    room.start();
    return () => room.dispose();
  }, [room]);
  return room;
}

const noRoom = () => () => undefined;

/** The state of a room that may not exist yet (no chat, or still loading). */
export function useRoomState(room: ChatRoom | null): ChatRoomState | null {
  return useSyncExternalStore(room ? room.subscribe : noRoom, room ? room.getState : () => null);
}
