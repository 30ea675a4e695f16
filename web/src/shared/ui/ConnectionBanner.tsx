/** Connection state in words; the live region stays mounted so changes are announced. */
import type { ConnectionStatus } from '../socket/connection';
import { t, type MessageKey } from '../i18n/i18n';

const TEXT: Partial<Record<ConnectionStatus | 'back-online' | 'idle', MessageKey>> = {
  connecting: 'connection.connecting',
  offline: 'connection.offline',
  'back-online': 'connection.backOnline',
  unauthorized: 'connection.unauthorized',
};

export function ConnectionBanner({
  status,
}: {
  status: ConnectionStatus | 'back-online' | 'idle';
}) {
  const key = TEXT[status];
  const text = key ? t(key) : undefined;
  return (
    <div
      role="status"
      aria-live="polite"
      className={text ? `sc-conn sc-conn--${status}` : undefined}
    >
      {text}
    </div>
  );
}
