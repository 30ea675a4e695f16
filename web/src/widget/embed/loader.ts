/**
 * The embed loader, served as /widget.js. A site adds
 *   <script src="https://support.example.com/widget.js" data-server="https://support.example.com" async></script>
 * and gets the chat bubble: an iframe on the server's origin, bottom-right, resized when the
 * widget opens or closes, added once the page has loaded and the browser is idle (or when the page
 * opens it). Self-contained (its only import is bundled in) so it stays tiny.
 *
 * data-locale="de" (en, de, fr, es, ar; a tag such as "de-AT" works) sets the widget's language;
 * without it, or for a language we lack, the visitor's browser languages decide.
 * data-theme="light|dark" forces a theme (default: the visitor's system setting) and
 * data-color="#rrggbb" sets the brand colour; the text on it is black or white, whichever reads.
 *
 * A site whose user is signed in adds data-identity-token="<JWT its backend signed>", or calls
 *   SupportChat('identify', {token}) · SupportChat('logout') · SupportChat('open' | 'close')
 *   SupportChat('on', 'unread', (count) => …)
 * Calls made before this script ran are queued by the stub in the README
 * (`window.SupportChat.q`) and run here; calls made before the iframe is ready wait for it.
 */
import {
  frameParams,
  HOST_SOURCE,
  parseFrameOptions,
  type FrameOptions,
  looksLikeJwt,
  parseApiCall,
  parseWidgetMessage,
  type ApiCall,
  type HostCommand,
  type HostPage,
} from './protocol';
import { hostTitle } from '../../shared/logic/alerts';
import { FRAME_TITLES } from '../../shared/i18n/frameTitle';
import { browserLanguages, pickLocale, RTL } from '../../shared/i18n/locales';

interface SupportChatFunction {
  (name: string, arg?: unknown, listener?: unknown): void;
  /** Calls queued by the page's stub before this script ran. */
  q?: ArrayLike<unknown>[];
  loaded?: boolean;
  open(): void;
  close(): void;
  toggle(): void;
}

declare global {
  interface Window {
    SupportChat?: SupportChatFunction;
  }
}

const CLOSED_SIZE_PX = 92;
const OPEN_WIDTH_PX = 412;
const OPEN_HEIGHT_PX = 724;
/** The longest the chat waits for an idle moment after the host page loaded. */
const IDLE_TIMEOUT_MS = 3000;
/** Below this host width the open widget takes the whole screen. */
const FULL_SCREEN_BELOW_PX = 480;

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

/** The iframe cannot read the host page's address or title (other origin): the loader tells it. */
function currentPage(): HostPage {
  return { url: window.location.href, title: document.title };
}

function start(server: string, identityToken: string | null, options: FrameOptions): void {
  const existing = window.SupportChat;
  if (existing?.loaded) return; // the snippet was pasted twice
  const queued = existing?.q ? Array.from(existing.q) : [];
  const serverOrigin = new URL(server).origin;
  const iframe = document.createElement('iframe');
  // The widget speaks the page's data-locale when we have that language, else the visitor's.
  iframe.src = `${server}/widget.html?host=${encodeURIComponent(window.location.origin)}${frameParams(options)}`;
  const shown = pickLocale(options.locale, ...browserLanguages());
  iframe.title = FRAME_TITLES[shown];
  iframe.setAttribute('data-support-chat', '');
  const style = iframe.style;
  style.position = 'fixed';
  // A right-to-left widget sits in the bottom-left corner, mirrored like its layout.
  if (RTL.has(shown)) style.left = '0';
  else style.right = '0';
  style.bottom = '0';
  style.border = '0';
  style.background = 'transparent';
  // Always light, whatever the page's scheme, and so is the widget's document: were they to differ,
  // the browser would paint the frame opaque. The widget's dark palette lives inside (widget.css).
  style.colorScheme = 'light';
  style.zIndex = '2147483000';
  style.maxWidth = '100vw';
  style.maxHeight = '100vh';

  let open = false;
  let ready = false;
  let unread: number | null = null;
  let lastPage = '';
  // The page's own title, while ours shows a count in front of it (null: we changed nothing).
  let baseTitle: string | null = null;
  let shownTitle = '';
  const showCount = (count: number) => {
    // A title the page set itself meanwhile becomes the base.
    if (baseTitle !== null && document.title !== shownTitle) baseTitle = document.title;
    if (count > 0) {
      if (baseTitle === null) baseTitle = document.title;
      shownTitle = hostTitle(baseTitle, count);
      document.title = shownTitle;
    } else if (baseTitle !== null) {
      document.title = baseTitle;
      baseTitle = null;
    }
  };
  const waiting: HostCommand[] = [];
  const unreadListeners: ((count: number) => void)[] = [];

  // Always to the server's origin: an identity token must never reach anyone else.
  const post = (command: HostCommand) =>
    iframe.contentWindow?.postMessage({ source: HOST_SOURCE, ...command }, serverOrigin);
  // The chat itself (the iframe: a page, its script, a socket) is fetched once the host page has
  // loaded and the browser is idle, or at once when the page asks to open it: it never competes
  // with the host page's own loading.
  let attached = false;
  const attach = () => {
    if (attached) return;
    attached = true;
    document.body.appendChild(iframe);
  };
  const attachWhenIdle = () => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1));
    idle(attach, { timeout: IDLE_TIMEOUT_MS });
  };
  if (document.readyState === 'complete') attachWhenIdle();
  else window.addEventListener('load', attachWhenIdle, { once: true });
  const send = (command: HostCommand) => {
    if (command.command === 'open' || command.command === 'toggle') attach();
    if (ready) post(command);
    else waiting.push(command);
  };
  const sendPage = () => {
    const page = currentPage();
    const key = `${page.url}\n${page.title}`;
    if (key === lastPage) return;
    lastPage = key;
    send({ command: 'page', page });
  };
  const layout = () => {
    const full = open && window.innerWidth < FULL_SCREEN_BELOW_PX;
    style.width = full ? '100vw' : `${open ? OPEN_WIDTH_PX : CLOSED_SIZE_PX}px`;
    style.height = full ? '100vh' : `${open ? OPEN_HEIGHT_PX : CLOSED_SIZE_PX}px`;
    // Inside the iframe a media query cannot tell a phone from the desktop-sized frame.
    if (ready) post({ command: 'layout', fullScreen: full });
  };
  layout();

  const notifyUnread = (listener: (count: number) => void) => {
    try {
      if (unread !== null) listener(unread);
    } catch (error) {
      // A faulty page callback must not stop the others or the widget.
      console.error(error);
    }
  };

  window.addEventListener('message', (event) => {
    // Only our own iframe, from the server's origin, may talk to the loader.
    if (event.origin !== serverOrigin || event.source !== iframe.contentWindow) return;
    const message = parseWidgetMessage(event.data);
    if (!message) return;
    if (message.type === 'ready') {
      // Also after the iframe reloaded: it starts from scratch each time.
      ready = true;
      const page = currentPage();
      lastPage = `${page.url}\n${page.title}`;
      post({ command: 'hello', page, identityToken });
      // A token is good once (its jti); a reloaded iframe has the session it got for it.
      identityToken = null;
      layout();
      for (const command of waiting.splice(0)) post(command);
      return;
    }
    if (open !== message.open) {
      open = message.open;
      layout();
      // A single-page site may have moved on since: tell the widget where the person is now.
      if (open) sendPage();
    }
    if (unread !== message.unread) {
      unread = message.unread;
      unreadListeners.forEach(notifyUnread);
    }
    showCount(message.titleCount);
  });
  window.addEventListener('resize', layout);
  window.addEventListener('popstate', sendPage);
  window.addEventListener('hashchange', sendPage);

  const run = (call: ApiCall) => {
    switch (call.name) {
      case 'identify':
        // The page's data-identity-token is used once; later calls carry fresh tokens.
        identityToken = null;
        send({ command: 'identify', token: call.token });
        break;
      case 'on-unread':
        unreadListeners.push(call.listener);
        notifyUnread(call.listener);
        break;
      default:
        send({ command: call.name });
    }
  };
  const api = ((name: string, arg?: unknown, listener?: unknown) => {
    const call = parseApiCall(name, arg, listener);
    if (call) run(call);
    else console.warn(`SupportChat: unknown call or bad argument: ${String(name)}`);
  }) as SupportChatFunction;
  api.loaded = true;
  api.open = () => api('open');
  api.close = () => api('close');
  api.toggle = () => api('toggle');
  window.SupportChat = api;
  for (const args of queued) api(...(Array.from(args) as [string, unknown?, unknown?]));
}

const script = document.currentScript as HTMLScriptElement | null;
const server = serverFrom(script);
const token = script?.dataset.identityToken;
if (server) {
  const identityToken = looksLikeJwt(token) ? token : null;
  if (token && !identityToken) console.warn('SupportChat: data-identity-token is not a JWT');
  const { theme, color, locale } = script?.dataset ?? {};
  const options = parseFrameOptions(theme, color, locale);
  if (theme && !options.theme) console.warn('SupportChat: data-theme is not light or dark');
  if (color && !options.color) console.warn('SupportChat: data-color is not a #rrggbb colour');
  const begin = () => start(server, identityToken, options);
  if (document.body) begin();
  else document.addEventListener('DOMContentLoaded', begin);
}
