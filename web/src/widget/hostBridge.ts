/**
 * Talks to the loader on the host page with postMessage: always with an explicit target origin
 * (the host's, passed by the loader in ?host=) and only accepting messages from that origin.
 */
import {
  parseHostCommand,
  WIDGET_SOURCE,
  type HostCommand,
  type WidgetMessage,
} from './embed/protocol';

export type { HostCommand, HostPage } from './embed/protocol';

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

function post(message: WidgetMessage): void {
  if (hostOrigin) window.parent.postMessage(message, hostOrigin);
}

export function notifyHost(state: { open: boolean; unread: number; titleCount: number }): void {
  post({ source: WIDGET_SOURCE, type: 'state', ...state });
}

/** Asks the loader for the page, the identity token and the calls it has queued. */
export function announceReady(): void {
  post({ source: WIDGET_SOURCE, type: 'ready' });
}

export function onHostCommand(handler: (command: HostCommand) => void): () => void {
  const listener = (event: MessageEvent) => {
    if (!hostOrigin || event.origin !== hostOrigin || event.source !== window.parent) return;
    const command = parseHostCommand(event.data);
    if (command) handler(command);
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}
