/** The dashboard's header: navigation, notification settings, connection state, sign-out. */
import type { ApiClient } from '../shared/api/client';
import { logout } from '../shared/api/users';
import type { User } from '../shared/types';
import type { NotificationPermissionState } from './notify/notifications';
import { Link, type Route } from './router';
import { ThemeToggle } from './ThemeToggle';

interface Props {
  api: ApiClient;
  me: User;
  route: Route;
  unread: number;
  sound: boolean;
  onSound: (on: boolean) => void;
  permission: NotificationPermissionState;
  onAskPermission: () => void;
  /** The agent's own choice; null until known. */
  availability: 'online' | 'away' | null;
  onAvailability: (status: 'online' | 'away') => void;
}

export function TopBar({
  api,
  me,
  route,
  unread,
  sound,
  onSound,
  permission,
  onAskPermission,
  availability,
  onAvailability,
}: Props) {
  return (
    <header className="scd-topbar">
      <span className="scd-topbar__brand">Support</span>
      <nav aria-label="Dashboard" className="scd-topbar__nav">
        <Link to={{ name: 'chats', chatId: null }} current={route.name === 'chats'}>
          Chats
          {unread > 0 && (
            <span className="scd-unread scd-unread--nav">
              {unread}
              <span className="sc-visually-hidden"> unread</span>
            </span>
          )}
        </Link>
        <Link to={{ name: 'stats' }} current={route.name === 'stats'}>
          Statistics
        </Link>
        <Link to={{ name: 'replies' }} current={route.name === 'replies'}>
          Replies
        </Link>
        <Link to={{ name: 'webhooks' }} current={route.name === 'webhooks'}>
          Webhooks
        </Link>
        <Link to={{ name: 'team' }} current={route.name === 'team'}>
          Team
        </Link>
        <Link to={{ name: 'hours' }} current={route.name === 'hours'}>
          Hours
        </Link>
      </nav>
      <div className="scd-topbar__tools">
        {availability && (
          <button
            type="button"
            className="scd-topbar__btn"
            aria-pressed={availability === 'away'}
            title={
              availability === 'online'
                ? 'You get new chats. Press to go away.'
                : 'You get no new chats. Press to come back.'
            }
            onClick={() => onAvailability(availability === 'online' ? 'away' : 'online')}
          >
            {availability === 'online' ? 'Online' : 'Away'}
          </button>
        )}
        <button
          type="button"
          className="scd-topbar__btn"
          aria-pressed={sound}
          onClick={() => onSound(!sound)}
        >
          {sound ? 'Sound on' : 'Sound off'}
        </button>
        {permission === 'default' && (
          <button type="button" className="scd-topbar__btn" onClick={onAskPermission}>
            Enable <span className="scd-wide-only">desktop </span>notifications
          </button>
        )}
        <ThemeToggle />
        <span className="scd-topbar__me" title={me.email ?? undefined}>
          {me.fullName || me.email}
        </span>
        <button type="button" className="scd-topbar__btn" onClick={() => void logout(api)}>
          Sign out
        </button>
      </div>
    </header>
  );
}
