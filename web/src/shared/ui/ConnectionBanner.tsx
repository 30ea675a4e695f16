/** Connection state in words; the live region stays mounted so changes are announced. */
import type { ConnectionStatus } from '../socket/connection';

const TEXT: Partial<Record<ConnectionStatus | 'back-online' | 'idle', string>> = {
  connecting: 'Connecting…',
  offline: 'You are offline. Messages will be sent when the connection returns.',
  'back-online': 'Back online',
  unauthorized: 'Your session has expired. Please sign in again.',
};

export function ConnectionBanner({
  status,
}: {
  status: ConnectionStatus | 'back-online' | 'idle';
}) {
  const text = TEXT[status];
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
