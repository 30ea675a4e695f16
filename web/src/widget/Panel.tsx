/**
 * The chat panel: header with presence and connection state, then the way in (a guest start,
 * the pre-chat form or the account form) or the conversation.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../shared/api/client';
import { hoursStatus, type HoursStatus } from '../shared/api/hours';
import { backSentence } from '../shared/logic/backTime';
import type { ConnectionStatus } from '../shared/socket/connection';
import type { User } from '../shared/types';
import { ConnectionBanner } from '../shared/ui/ConnectionBanner';
import type { AccessState, WidgetAccess } from './access';
import { refusalSentence } from './accessRules';
import { AuthForm } from './AuthForm';
import { BellIcon, CloseIcon } from './Bubble';
import { Conversation } from './Conversation';
import { NewTicketForm } from './NewTicketForm';
import { PrechatForm } from './PrechatForm';
import type { SupportChat } from './useSupportChat';
import { typicalReplyText } from './replyTime';
import { t } from '../shared/i18n/i18n';

interface Props {
  api: ApiClient;
  access: WidgetAccess;
  accessState: AccessState;
  user: User | null;
  support: SupportChat;
  status: ConnectionStatus | 'back-online' | 'idle';
  alerts: boolean;
  onAlerts: (on: boolean) => void;
  onClose: () => void;
}

/** How often the open/closed line is asked again while the panel stays open. */
const HOURS_REFRESH_MS = 5 * 60_000;

function presenceText(online: boolean | null, hours: HoursStatus | null): string {
  if (hours && !hours.open) {
    const back = hours.nextOpenAt ? backSentence(hours.nextOpenAt, new Date()) : null;
    return back ? t('presence.closedBack', { back }) : t('presence.closed');
  }
  if (online === null) return t('presence.unknown');
  return online ? t('presence.online') : t('presence.away');
}

/** Whether the team is within its business hours, asked when the panel opens and every few minutes. */
function useHoursStatus(api: ApiClient): HoursStatus | null {
  const [status, setStatus] = useState<HoursStatus | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      hoursStatus(api)
        .then((s) => live && setStatus(s))
        .catch(() => undefined); // unknown: the presence line says what it said before hours
    ask();
    const timer = window.setInterval(ask, HOURS_REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api]);
  return status;
}

export function Panel({
  api,
  access,
  accessState,
  user,
  support,
  status,
  alerts,
  onAlerts,
  onClose,
}: Props) {
  const online = status === 'online' || status === 'back-online';
  const hours = useHoursStatus(api);
  const closed = hours !== null && !hours.open;
  const panel = useRef<HTMLElement>(null);
  // Opening moves the keyboard focus into the panel: its first field, or the panel itself. So does
  // signing in or out, which replaces the form that had the focus (the focus would fall to the
  // page, out of reach of Escape and of a screen reader's place in the panel).
  const userId = user?._id ?? null;
  useEffect(() => {
    const inside = panel.current?.contains(document.activeElement) ?? false;
    if (inside && document.activeElement !== panel.current) return;
    const field = panel.current?.querySelector<HTMLElement>('.scw-body input, .scw-body textarea');
    (field ?? panel.current)?.focus();
  }, [userId]);
  return (
    <section
      id="scw-panel"
      ref={panel}
      tabIndex={-1}
      className="scw-panel"
      role="dialog"
      aria-label={t('widget.panelLabel')}
    >
      {/* Not a <header>: inside the dialog it would be a second banner landmark of the host page. */}
      <div className="scw-header">
        <div>
          <h1 className="scw-header__title">{t('widget.title')}</h1>
          <p className="scw-header__presence">
            <span
              className={`scw-dot ${support.supportOnline && !closed ? 'scw-dot--on' : ''}`}
              aria-hidden="true"
            />
            {presenceText(support.supportOnline, hours)}
          </p>
          {typicalReplyText(support.typicalReplyMs) && (
            <p className="scw-header__presence scw-header__reply-time">
              {typicalReplyText(support.typicalReplyMs)}
            </p>
          )}
        </div>
        <div className="scw-header__actions">
          {user && (
            <button
              type="button"
              className="scw-header__btn scw-header__close"
              aria-pressed={alerts}
              aria-label={t('widget.alerts')}
              title={alerts ? t('widget.alertsOn') : t('widget.alertsOff')}
              onClick={() => onAlerts(!alerts)}
            >
              <BellIcon off={!alerts} />
            </button>
          )}
          {/* Guests have nothing to sign out of, and the host site signs its own users out. */}
          {user && (user.kind ?? 'account') === 'account' && (
            <button type="button" className="scw-header__btn" onClick={() => void access.logout()}>
              {t('widget.signOut')}
            </button>
          )}
          <button
            type="button"
            className="scw-header__btn scw-header__close"
            aria-label={t('widget.close')}
            onClick={onClose}
          >
            <CloseIcon />
          </button>
        </div>
      </div>
      {user && <ConnectionBanner status={status} />}
      <div className="scw-body">
        {user ? (
          <>
            {accessState.error && (
              <p className="sc-error scw-notice" role="alert">
                {accessState.error}
              </p>
            )}
            <PanelBody api={api} user={user} support={support} online={online} />
          </>
        ) : (
          <WayIn api={api} access={access} state={accessState} />
        )}
      </div>
    </section>
  );
}

/** Nobody signed in: what this server offers, and why anything was refused. */
function WayIn({
  api,
  access,
  state,
}: {
  api: ApiClient;
  access: WidgetAccess;
  state: AccessState;
}) {
  if (state.phase === 'starting') {
    return (
      <p className="scw-message" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const busy = state.phase === 'busy';
  const error = state.error && (
    <p className="sc-error" role="alert">
      {state.error}
    </p>
  );
  if (state.phase === 'failed') {
    return (
      <div className="scw-message">
        {error}
        <button type="button" className="sc-btn" onClick={() => void access.retry()}>
          {t('common.tryAgain')}
        </button>
      </div>
    );
  }
  if (state.entry === 'account') {
    return (
      <>
        {error && <div className="scw-notice">{error}</div>}
        <AuthForm api={api} />
      </>
    );
  }
  if (state.entry === 'prechat') {
    return (
      <>
        {error && <div className="scw-notice">{error}</div>}
        <PrechatForm
          required={state.config?.prechat === 'required'}
          busy={busy}
          onStart={(details) => void access.startVisitor(details)}
        />
      </>
    );
  }
  return (
    <div className="scw-message">
      {error}
      {busy ? (
        <p role="status">{state.busyText}</p>
      ) : (
        <>
          <p className="scw-hint">{t('widget.guestHint')}</p>
          <button type="button" className="sc-btn" onClick={() => void access.startVisitor()}>
            {state.error ? t('widget.chatAsGuest') : t('widget.startConversation')}
          </button>
        </>
      )}
    </div>
  );
}

function PanelBody({
  api,
  user,
  support,
  online,
}: {
  api: ApiClient;
  user: User;
  support: SupportChat;
  online: boolean;
}) {
  if (user.isAdmin) {
    const [before, after] = t('widget.adminSignedIn').split('{link}');
    return (
      <p className="scw-message">
        {before}
        <a href="/admin/support" target="_blank" rel="noopener">
          /admin/support
        </a>
        {after}
      </p>
    );
  }
  if (support.phase === 'loading')
    return <p className="scw-message">{t('widget.loadingConversation')}</p>;
  if (support.phase === 'error') {
    return (
      <div className="scw-message">
        <p className="sc-error" role="alert">
          {support.error}
        </p>
        <button type="button" className="sc-btn" onClick={support.reload}>
          {t('common.tryAgain')}
        </button>
      </div>
    );
  }
  if (support.phase === 'none' || !support.chat)
    return (
      <NewTicketForm
        offline={!online}
        onCreate={(message, subject) =>
          support.create(message, subject).catch((e: unknown) => {
            throw new Error(refusalSentence(e, 'start'));
          })
        }
      />
    );
  if (!support.room) return <p className="scw-message">{t('widget.connecting')}</p>;
  return (
    <Conversation
      api={api}
      chat={support.chat}
      room={support.room}
      notices={support.notices}
      online={online}
    />
  );
}
