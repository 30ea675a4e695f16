/** The admin dashboard: sign-in gate, then the chats and statistics pages. */
import { useCallback, useEffect, useState } from 'react';
import { fetchMe, logout } from '../shared/api/users';
import type { UserMessageNotification } from '../shared/events';
import { titleWithCount, totalUnreadByAdmin } from '../shared/logic/unread';
import { useConnectionStatus, useSession } from '../shared/react/hooks';
import { useSocketConnection } from '../shared/react/useSocketConnection';
import type { User } from '../shared/types';
import { ConnectionBanner } from '../shared/ui/ConnectionBanner';
import { LoginPage } from './LoginPage';
import {
  notificationPermission,
  notifyIfHidden,
  playTone,
  requestNotificationPermission,
} from './notify/notifications';
import { HoursPage } from './hours/HoursPage';
import { navigate, parseRoute, usePathname } from './router';
import type { DashboardServices } from './services';
import { StatsPage } from './stats/StatsPage';
import { NO_FILTERS, type ChatFilters } from './support/chatList';
import { SupportPage } from './support/SupportPage';
import { TopBar } from './TopBar';
import { InvitePage } from './team/InvitePage';
import { TeamPage } from './team/TeamPage';
import { fetchTeam, inviteTokenOf, setAvailability } from '../shared/api/team';
import { useAdmins } from './support/useAdmins';
import { useChatList } from './support/useChatList';
import { WebhooksPage } from './webhooks/WebhooksPage';
import { RepliesPage } from './inbox/RepliesPage';
import { useInbox } from './inbox/useInbox';
import { t, tp } from '../shared/i18n/i18n';

const SOUND_KEY = 'support-chat.admin.sound';
const SEARCH_DEBOUNCE_MS = 300;

export function DashboardApp({ services }: { services: DashboardServices }) {
  const { api } = services;
  const session = useSession(api.session);
  const user = session?.user ?? null;
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (session && !user) fetchMe(api).catch(() => undefined);
  }, [api, session, user]);

  // A non-admin who signs in (or whose stored session predates a role change) is refused.
  useEffect(() => {
    if (user && !user.isAdmin) {
      void logout(api).then(() => setRefusal(t('login.notAdmin')));
    }
  }, [api, user]);

  const [inviteToken, setInviteToken] = useState(() => inviteTokenOf(window.location.hash));
  if (inviteToken && !session)
    return (
      <InvitePage
        api={api}
        token={inviteToken}
        onDone={() => {
          window.history.replaceState(null, '', window.location.pathname);
          setInviteToken(null);
        }}
      />
    );
  if (!session) return <LoginPage api={api} storage={services.storage} refusal={refusal} />;
  if (!user || !user.isAdmin) return <p className="scd-loading">{t('common.loading')}</p>;
  return <SignedIn services={services} me={user} />;
}

function SignedIn({ services, me }: { services: DashboardServices; me: User }) {
  const { api, storage } = services;
  const route = parseRoute(usePathname());
  const connection = useSocketConnection(api, me._id);
  const status = useConnectionStatus(connection);
  const admins = useAdmins(api);
  const [filters, setFilters] = useState<ChatFilters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const [sound, setSoundState] = useState(() => storage.get(SOUND_KEY) !== 'off');
  const [permission, setPermission] = useState(notificationPermission);
  const [availability, setAvailabilityState] = useState<'online' | 'away' | null>(null);

  useEffect(() => {
    fetchTeam(api)
      .then((t) => setAvailabilityState(t.me.chosenAvailability))
      .catch(() => undefined); // the toggle stays hidden; chats still work
  }, [api]);

  const changeAvailability = (status: 'online' | 'away') => {
    setAvailabilityState(status);
    setAvailability(api, status).catch(() => setAvailabilityState(availability));
  };

  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((f) => (f.q === search ? f : { ...f, q: search })),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [search]);

  const onUserMessage = useCallback(
    (event: UserMessageNotification) => {
      if (sound) playTone();
      const who = event.chat.user.fullName || event.chat.user.email;
      const files = event.message.attachments.length;
      const text = event.message.content || tp('files.sentFiles', files);
      notifyIfHidden(t('dash.newMessageFrom', { name: who }), text, event.chatId, () =>
        navigate({ name: 'chats', chatId: event.chatId }),
      );
    },
    [sound],
  );

  const list = useChatList(api, connection, filters, me._id, onUserMessage);
  const inbox = useInbox(api, connection);
  const unread = totalUnreadByAdmin(Object.values(list.cache));

  useEffect(() => {
    document.title = titleWithCount(t('dash.title'), unread);
  }, [unread]);

  const setSound = (on: boolean) => {
    setSoundState(on);
    storage.set(SOUND_KEY, on ? 'on' : 'off');
    if (on) playTone();
  };

  return (
    <div className="scd-app">
      <TopBar
        api={api}
        storage={storage}
        me={me}
        route={route}
        unread={unread}
        sound={sound}
        onSound={setSound}
        permission={permission}
        onAskPermission={() => void requestNotificationPermission().then(setPermission)}
        availability={availability}
        onAvailability={changeAvailability}
      />
      <ConnectionBanner status={status} />
      {route.name === 'stats' ? (
        <StatsPage api={api} connection={connection} />
      ) : route.name === 'webhooks' ? (
        <WebhooksPage api={api} />
      ) : route.name === 'replies' ? (
        <RepliesPage api={api} inbox={inbox} />
      ) : route.name === 'team' ? (
        <TeamPage api={api} connection={connection} />
      ) : route.name === 'hours' ? (
        <HoursPage api={api} />
      ) : (
        <SupportPage
          api={api}
          connection={connection}
          me={me}
          list={list}
          admins={admins}
          chatId={route.chatId}
          messageId={route.messageId ?? null}
          online={status === 'online' || status === 'back-online'}
          filters={filters}
          search={search}
          onSearch={setSearch}
          onFilters={setFilters}
          inbox={inbox}
        />
      )}
    </div>
  );
}
