/** The widget: bubble + panel, wired to the session, the socket and the host page. */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import { shouldSound, titleCount } from '../shared/logic/alerts';
import { countUnread } from '../shared/logic/unread';
import { playTone } from '../shared/ui/tone';
import {
  useConnectionStatus,
  useMediaQuery,
  usePageVisible,
  useSession,
} from '../shared/react/hooks';
import { useRoomState, useSocketConnection } from '../shared/react/useSocketConnection';
import { Bubble } from './Bubble';
import { announceReady, embedded, notifyHost, onHostCommand } from './hostBridge';
import { Panel } from './Panel';
import { loadAlerts, loadOpen, saveAlerts, saveOpen } from './persisted';
import type { WidgetServices } from './services';
import { useSupportChat } from './useSupportChat';

/** How long the widget waits for the loader's hello (an older loader never sends one). */
const HELLO_TIMEOUT_MS = 3000;

export function WidgetApp({ services }: { services: WidgetServices }) {
  const { api, storage, access } = services;
  const accessState = useSyncExternalStore(access.subscribe, access.getState);
  const session = useSession(api.session);
  // Until the stored session is refreshed (or replaced by the host's user) nobody is shown.
  const settled = accessState.phase !== 'starting' && accessState.phase !== 'failed';
  const user = settled ? (session?.user ?? null) : null;
  const [open, setOpen] = useState(() => loadOpen(storage));
  const bubble = useRef<HTMLButtonElement>(null);
  const [hostFullScreen, setHostFullScreen] = useState(false);
  // Opened directly (not in the loader's iframe), the page's own width decides.
  const narrow = useMediaQuery('(max-width: 480px)');
  const fullScreen = open && (embedded ? hostFullScreen : narrow);
  const connection = useSocketConnection(api, user && !user.isAdmin ? user._id : null);
  const status = useConnectionStatus(connection);
  const support = useSupportChat(services, connection, user);
  const roomState = useRoomState(support.room);
  const visible = usePageVisible();
  const unread = roomState ? countUnread(roomState.messages, false) : 0;

  const [alerts, setAlerts] = useState(() => loadAlerts(storage));
  const looking = { open, visible };
  const count = titleCount(alerts, looking, unread);
  const heard = useRef(unread);
  const countedRoom = useRef<unknown>(null);

  useEffect(() => saveOpen(storage, open), [storage, open]);
  useEffect(() => notifyHost({ open, unread, titleCount: count }), [open, unread, count]);
  // A tone for a reply that arrives while the person is not looking (and not for the backlog a
  // reload shows: the first count is taken as heard).
  const loading = !roomState || roomState.loading;
  useEffect(() => {
    if (loading) return;
    if (countedRoom.current !== support.room) {
      countedRoom.current = support.room;
    } else if (shouldSound(alerts, { open, visible }, heard.current, unread)) {
      playTone();
    }
    heard.current = unread;
  }, [alerts, open, visible, unread, loading, support.room]);
  const changeAlerts = (on: boolean) => {
    setAlerts(on);
    saveAlerts(storage, on);
  };

  useEffect(() => {
    const off = onHostCommand((message) => {
      switch (message.command) {
        case 'layout':
          setHostFullScreen(message.fullScreen);
          break;
        case 'open':
        case 'close':
          setOpen(message.command === 'open');
          break;
        case 'toggle':
          setOpen((was) => !was);
          break;
        case 'hello':
          void access.start({ identityToken: message.identityToken, page: message.page });
          break;
        case 'identify':
          void access.identify(message.token);
          break;
        case 'logout':
          void access.logout();
          break;
        case 'page':
          access.setPage(message.page);
          break;
      }
    });
    if (!embedded) {
      void access.start({ identityToken: null, page: null });
      return off;
    }
    // Listening first, then asking: the hello cannot arrive before its handler.
    announceReady();
    const timer = setTimeout(
      () => void access.start({ identityToken: null, page: null }),
      HELLO_TIMEOUT_MS,
    );
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [access]);

  // A guest's session starts when they open the chat, not for every page view. Once per opening:
  // after a sign-out with the panel open, the person starts again with the button.
  const startedForThisOpening = useRef(false);
  useEffect(() => {
    if (!open) {
      startedForThisOpening.current = false;
      return;
    }
    if (session) startedForThisOpening.current = true;
    if (startedForThisOpening.current || accessState.phase !== 'ready') return;
    if (accessState.entry !== 'visitor' || accessState.error) return;
    startedForThisOpening.current = true;
    void access.startVisitor();
  }, [open, session, accessState, access]);

  // Reading happens when the conversation is actually on screen.
  useEffect(() => {
    if (open && visible && support.room && unread > 0) support.room.markRead();
  }, [open, visible, support.room, unread]);

  const close = useCallback(() => {
    setOpen(false);
    bubble.current?.focus();
  }, []);

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
      {open && (
        <Panel
          api={api}
          access={access}
          accessState={accessState}
          user={user}
          support={support}
          status={status}
          alerts={alerts}
          onAlerts={changeAlerts}
          onClose={close}
        />
      )}
      <Bubble open={open} unread={unread} onToggle={() => setOpen(!open)} buttonRef={bubble} />
    </div>
  );
}
