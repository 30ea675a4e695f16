/** The chat panel: header with presence and connection state, then sign-in or conversation. */
import { useEffect, useRef } from 'react';
import type { ApiClient } from '../shared/api/client';
import { logout } from '../shared/api/users';
import type { ConnectionStatus } from '../shared/socket/connection';
import type { User } from '../shared/types';
import { ConnectionBanner } from '../shared/ui/ConnectionBanner';
import { AuthForm } from './AuthForm';
import { CloseIcon } from './Bubble';
import { Conversation } from './Conversation';
import { NewTicketForm } from './NewTicketForm';
import type { SupportChat } from './useSupportChat';

interface Props {
  api: ApiClient;
  user: User | null;
  support: SupportChat;
  status: ConnectionStatus | 'back-online' | 'idle';
  onClose: () => void;
}

function presenceText(online: boolean | null): string {
  if (online === null) return 'We reply as soon as we can';
  return online ? 'Support is online' : 'Support is away — leave a message';
}

export function Panel({ api, user, support, status, onClose }: Props) {
  const online = status === 'online' || status === 'back-online';
  const panel = useRef<HTMLElement>(null);
  // Opening moves the keyboard focus into the panel: its first field, or the panel itself.
  useEffect(() => {
    const field = panel.current?.querySelector<HTMLElement>('.scw-body input, .scw-body textarea');
    (field ?? panel.current)?.focus();
  }, []);
  return (
    <section
      id="scw-panel"
      ref={panel}
      tabIndex={-1}
      className="scw-panel"
      role="dialog"
      aria-label="Support chat"
    >
      <header className="scw-header">
        <div>
          <h1 className="scw-header__title">Support</h1>
          <p className="scw-header__presence">
            <span
              className={`scw-dot ${support.supportOnline ? 'scw-dot--on' : ''}`}
              aria-hidden="true"
            />
            {presenceText(support.supportOnline)}
          </p>
        </div>
        <div className="scw-header__actions">
          {user && (
            <button type="button" className="scw-header__btn" onClick={() => void logout(api)}>
              Sign out
            </button>
          )}
          <button
            type="button"
            className="scw-header__btn scw-header__close"
            aria-label="Close chat"
            onClick={onClose}
          >
            <CloseIcon />
          </button>
        </div>
      </header>
      {user && <ConnectionBanner status={status} />}
      <div className="scw-body">
        <PanelBody api={api} user={user} support={support} online={online} />
      </div>
    </section>
  );
}

function PanelBody({
  api,
  user,
  support,
  online,
}: {
  api: ApiClient;
  user: User | null;
  support: SupportChat;
  online: boolean;
}) {
  if (!user) return <AuthForm api={api} />;
  if (user.isAdmin) {
    return (
      <p className="scw-message">
        You are signed in as a support admin. Answer users from the dashboard at{' '}
        <a href="/admin/support" target="_blank" rel="noopener">
          /admin/support
        </a>
        .
      </p>
    );
  }
  if (support.phase === 'loading') return <p className="scw-message">Loading your conversation…</p>;
  if (support.phase === 'error') {
    return (
      <div className="scw-message">
        <p className="sc-error" role="alert">
          {support.error}
        </p>
        <button type="button" className="sc-btn" onClick={support.reload}>
          Try again
        </button>
      </div>
    );
  }
  if (support.phase === 'none' || !support.chat)
    return <NewTicketForm onCreate={support.create} offline={!online} />;
  if (!support.room) return <p className="scw-message">Connecting…</p>;
  return (
    <Conversation
      chat={support.chat}
      room={support.room}
      notices={support.notices}
      online={online}
    />
  );
}
