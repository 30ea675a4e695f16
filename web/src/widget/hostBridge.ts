/**
 * Talks to the loader on the host page with postMessage: always with an explicit target origin
 * (the host's, passed by the loader in ?host=) and only accepting messages from that origin.
 */

export interface WidgetStateMessage {
  source: 'support-chat';
  type: 'state';
  open: boolean;
  unread: number;
}

export type HostCommand =
  { command: 'open' | 'close' | 'toggle' } | { command: 'layout'; fullScreen: boolean };

function readHostOrigin(): string | null {
  const raw = new URLSearchParams(window.location.search).get('host');
  if (!raw) return null;
  try {
    const origin = new URL(raw).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export const hostOrigin = window.parent !== window ? readHostOrigin() : null;
export const embedded = hostOrigin !== null;

export function notifyHost(state: { open: boolean; unread: number }): void {
  if (!hostOrigin) return;
  const message: WidgetStateMessage = { source: 'support-chat', type: 'state', ...state };
  window.parent.postMessage(message, hostOrigin);
}

export function onHostCommand(handler: (command: HostCommand) => void): () => void {
  const listener = (event: MessageEvent) => {
    if (!hostOrigin || event.origin !== hostOrigin || event.source !== window.parent) return;
    const data = event.data as { source?: unknown; command?: unknown; fullScreen?: unknown } | null;
    if (data?.source !== 'support-chat-host') return;
    if (data.command === 'open' || data.command === 'close' || data.command === 'toggle') {
      handler({ command: data.command });
    } else if (data.command === 'layout' && typeof data.fullScreen === 'boolean') {
      handler({ command: 'layout', fullScreen: data.fullScreen });
    }
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}
