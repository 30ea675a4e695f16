/**
 * The embed loader, served as /widget.js. A site adds
 *   <script src="https://support.example.com/widget.js" data-server="https://support.example.com" async></script>
 * and gets the chat bubble: an iframe on the server's origin, bottom-right, resized when the
 * widget opens or closes. Self-contained (no imports at run time) so it stays tiny.
 */

interface StateMessage {
  source: 'support-chat';
  type: 'state';
  open: boolean;
  unread: number;
}

interface SupportChatApi {
  open(): void;
  close(): void;
  toggle(): void;
}

declare global {
  interface Window {
    SupportChat?: SupportChatApi;
  }
}

const CLOSED_SIZE_PX = 92;
const OPEN_WIDTH_PX = 412;
const OPEN_HEIGHT_PX = 724;
/** Below this host width the open widget takes the whole screen. */
const FULL_SCREEN_BELOW_PX = 480;

function isStateMessage(data: unknown): data is StateMessage {
  const d = data as Partial<StateMessage> | null;
  return !!d && d.source === 'support-chat' && d.type === 'state' && typeof d.open === 'boolean';
}

function serverFrom(script: HTMLScriptElement | null): string | null {
  const configured = script?.dataset.server || script?.src;
  if (!configured) return null;
  try {
    const url = new URL(configured, window.location.href);
    // data-server may carry a path prefix; without it the script's own origin is the server.
    return script?.dataset.server ? url.href.replace(/\/+$/, '') : url.origin;
  } catch {
    return null;
  }
}

function start(server: string): void {
  if (window.SupportChat) return; // the snippet was pasted twice
  const serverOrigin = new URL(server).origin;
  const iframe = document.createElement('iframe');
  iframe.src = `${server}/widget.html?host=${encodeURIComponent(window.location.origin)}`;
  iframe.title = 'Support chat';
  iframe.setAttribute('data-support-chat', '');
  const style = iframe.style;
  style.position = 'fixed';
  style.right = '0';
  style.bottom = '0';
  style.border = '0';
  style.background = 'transparent';
  style.colorScheme = 'normal';
  style.zIndex = '2147483000';
  style.maxWidth = '100vw';
  style.maxHeight = '100vh';

  let open = false;
  const send = (message: object) => iframe.contentWindow?.postMessage(message, serverOrigin);
  const layout = () => {
    const full = open && window.innerWidth < FULL_SCREEN_BELOW_PX;
    style.width = full ? '100vw' : `${open ? OPEN_WIDTH_PX : CLOSED_SIZE_PX}px`;
    style.height = full ? '100vh' : `${open ? OPEN_HEIGHT_PX : CLOSED_SIZE_PX}px`;
    // Inside the iframe a media query cannot tell a phone from the desktop-sized frame.
    send({ source: 'support-chat-host', command: 'layout', fullScreen: full });
  };
  layout();

  window.addEventListener('message', (event) => {
    // Only our own iframe, from the server's origin, may resize it.
    if (event.origin !== serverOrigin || event.source !== iframe.contentWindow) return;
    if (!isStateMessage(event.data)) return;
    open = event.data.open;
    layout();
  });
  window.addEventListener('resize', layout);

  const command = (name: 'open' | 'close' | 'toggle') => () =>
    send({ source: 'support-chat-host', command: name });
  window.SupportChat = {
    open: command('open'),
    close: command('close'),
    toggle: command('toggle'),
  };

  document.body.appendChild(iframe);
}

const script = document.currentScript as HTMLScriptElement | null;
const server = serverFrom(script);
if (server) {
  if (document.body) start(server);
  else document.addEventListener('DOMContentLoaded', () => start(server));
}
