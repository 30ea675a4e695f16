/** The widget: bubble + panel, wired to the session, the socket and the host page. */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { fetchMe } from '../shared/api/users';
import { countUnread } from '../shared/logic/unread';
import { useConnectionStatus, usePageVisible, useSession } from '../shared/react/hooks';
import { useRoomState, useSocketConnection } from '../shared/react/useSocketConnection';
import { Bubble } from './Bubble';
import { embedded, notifyHost, onHostCommand } from './hostBridge';
import { Panel } from './Panel';
import { loadOpen, saveOpen, type WidgetServices } from './services';
import { useSupportChat } from './useSupportChat';

export function WidgetApp({ services }: { services: WidgetServices }) {
  const { api, storage } = services;
  const session = useSession(api.session);
  const user = session?.user ?? null;
  const [open, setOpenState] = useState(() => loadOpen(storage));
  const bubble = useRef<HTMLButtonElement>(null);
  const [hostFullScreen, setHostFullScreen] = useState(false);
  const narrow = useNarrowViewport();
  const fullScreen = open && (embedded ? hostFullScreen : narrow);
  const connection = useSocketConnection(api, session && user && !user.isAdmin ? user._id : null);
  const status = useConnectionStatus(connection);
  const support = useSupportChat(services, connection, user);
  const roomState = useRoomState(support.room);
  const visible = usePageVisible();
  const unread = roomState ? countUnread(roomState.messages, false) : 0;

  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      saveOpen(storage, next);
    },
    [storage],
  );

  // Tokens without a user (e.g. restored from an older version): ask the server who this is.
  useEffect(() => {
    if (session && !session.user) fetchMe(api).catch(() => undefined);
  }, [api, session]);

  useEffect(() => notifyHost({ open, unread }), [open, unread]);
  useEffect(
    () =>
      onHostCommand((message) => {
        if (message.command === 'layout') setHostFullScreen(message.fullScreen);
        else setOpen(message.command === 'toggle' ? !open : message.command === 'open');
      }),
    [open, setOpen],
  );

  // Reading happens when the conversation is actually on screen.
  useEffect(() => {
    if (open && visible && support.room && unread > 0) support.room.markRead();
  }, [open, visible, support.room, unread]);

  const close = () => {
    setOpen(false);
    bubble.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      close();
    }
  };

  return (
    <div
      className={`scw ${open ? 'scw--open' : ''} ${fullScreen ? 'scw--full' : ''}`}
      onKeyDown={onKeyDown}
    >
      {open && <Panel api={api} user={user} support={support} status={status} onClose={close} />}
      <Bubble open={open} unread={unread} onToggle={() => setOpen(!open)} buttonRef={bubble} />
    </div>
  );
}

const NARROW_QUERY = '(max-width: 480px)';

/** Opened directly (not in the loader's iframe), the page's own width decides. */
function useNarrowViewport(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_QUERY);
    const update = () => setNarrow(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}
