/** The dashboard's header: navigation, notification settings, connection state, sign-out. */
import type { ApiClient } from '../shared/api/client';
import { logout } from '../shared/api/users';
import type { User } from '../shared/types';
import type { NotificationPermissionState } from './notify/notifications';
import { Link, type Route } from './router';
import { formatNumber, t } from '../shared/i18n/i18n';
import type { KeyValueStore } from '../shared/storage';
import { LanguageSelect } from './LanguageSelect';
import { ThemeToggle } from './ThemeToggle';

interface Props {
  api: ApiClient;
  storage: KeyValueStore;
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
  storage,
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
      <span className="scd-topbar__brand">{t('dash.brand')}</span>
      <nav aria-label={t('dash.nav')} className="scd-topbar__nav">
        <Link to={{ name: 'chats', chatId: null }} current={route.name === 'chats'}>
          {t('dash.nav.chats')}
          {unread > 0 && (
            <span className="scd-unread scd-unread--nav">
              {formatNumber(unread)}
              <span className="sc-visually-hidden"> {t('dash.unread')}</span>
            </span>
          )}
        </Link>
        <Link to={{ name: 'stats' }} current={route.name === 'stats'}>
          {t('dash.nav.stats')}
        </Link>
        <Link to={{ name: 'replies' }} current={route.name === 'replies'}>
          {t('dash.nav.replies')}
        </Link>
        <Link to={{ name: 'webhooks' }} current={route.name === 'webhooks'}>
          {t('dash.nav.webhooks')}
        </Link>
        <Link to={{ name: 'team' }} current={route.name === 'team'}>
          {t('dash.nav.team')}
        </Link>
        <Link to={{ name: 'hours' }} current={route.name === 'hours'}>
          {t('dash.nav.hours')}
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
                ? t('dash.availability.onlineHint')
                : t('dash.availability.awayHint')
            }
            onClick={() => onAvailability(availability === 'online' ? 'away' : 'online')}
          >
            {availability === 'online'
              ? t('dash.availability.online')
              : t('dash.availability.away')}
          </button>
        )}
        <button
          type="button"
          className="scd-topbar__btn"
          aria-pressed={sound}
          onClick={() => onSound(!sound)}
        >
          {sound ? t('dash.soundOn') : t('dash.soundOff')}
        </button>
        {permission === 'default' && (
          <button type="button" className="scd-topbar__btn" onClick={onAskPermission}>
            {t('dash.enableNotifications')}
          </button>
        )}
        <LanguageSelect storage={storage} className="scd-topbar__btn scd-topbar__lang" />
        <ThemeToggle />
        <span className="scd-topbar__me" title={me.email ?? undefined}>
          {me.fullName || me.email}
        </span>
        <button type="button" className="scd-topbar__btn" onClick={() => void logout(api)}>
          {t('dash.signOut')}
        </button>
      </div>
    </header>
  );
}
