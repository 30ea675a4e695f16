/**
 * The postMessage protocol between the loader (host page) and the widget (iframe), with the
 * checks both sides apply to what they receive. Pure: no window access, so it is unit-tested and
 * bundled into the tiny loader as well.
 */
import { supportedLocale } from '../../shared/i18n/locales';
import { parseHexColour } from '../../shared/logic/contrast';

/** The host page where the widget is open. */
export interface HostPage {
  url: string;
  title: string;
}

/** Widget → loader. */
export type WidgetMessage =
  | { source: 'support-chat'; type: 'ready' }
  | {
      source: 'support-chat';
      type: 'state';
      open: boolean;
      unread: number;
      /** The count the host page's title should show; 0 leaves it alone. */
      titleCount: number;
    };

/** Loader → widget. */
export type HostCommand =
  | { command: 'hello'; page: HostPage | null; identityToken: string | null }
  | { command: 'open' | 'close' | 'toggle' }
  | { command: 'layout'; fullScreen: boolean }
  | { command: 'identify'; token: string }
  | { command: 'logout' }
  | { command: 'page'; page: HostPage };

/**
 * How the host wants the widget to look: data-theme (absent: the visitor's system setting) and
 * data-color, a brand colour for the bubble, the header and the visitor's own messages.
 */
export interface Appearance {
  theme: 'light' | 'dark' | null;
  color: string | null;
}

/** The host's data-theme and data-color, each dropped when it is not one we accept. */
export function parseAppearance(theme: unknown, color: unknown): Appearance {
  return {
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    color: parseHexColour(color),
  };
}

/** A language tag as BCP 47 spells it (de, de-AT, zh-Hant-TW), short enough to be one. */
const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/** Everything the host page sets for the widget: its appearance and data-locale. */
export interface FrameOptions extends Appearance {
  /** A tag of a language we have (the whole tag: de-AT means Austrian dates), else null. */
  locale: string | null;
}

/** The host's data-theme, data-color and data-locale, each dropped when it is not one we accept. */
export function parseFrameOptions(theme: unknown, color: unknown, locale: unknown): FrameOptions {
  const language =
    typeof locale === 'string' && LOCALE_TAG.test(locale) && supportedLocale(locale)
      ? locale
      : null;
  return { ...parseAppearance(theme, color), locale: language };
}

/**
 * The options travel in the iframe's address (?theme=&color=&locale=) rather than in the hello,
 * so that the very first paint of the bubble already has the host's colours and language. Both
 * ends validate them.
 */
export function frameParams(options: FrameOptions): string {
  const params = new URLSearchParams();
  if (options.theme) params.set('theme', options.theme);
  if (options.color) params.set('color', options.color);
  if (options.locale) params.set('locale', options.locale);
  const query = params.toString();
  return query ? `&${query}` : '';
}

export function frameOptionsFrom(search: string): FrameOptions {
  const params = new URLSearchParams(search);
  return parseFrameOptions(params.get('theme'), params.get('color'), params.get('locale'));
}

export const HOST_SOURCE = 'support-chat-host';
export const WIDGET_SOURCE = 'support-chat';

/** Far above any real JWT or URL; only keeps a hostile page from handing over megabytes. */
const MAX_TOKEN_CHARS = 16_384;
const MAX_URL_CHARS = 16_384;
const MAX_TITLE_CHARS = 2_000;

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length <= max ? value : null;
}

/** A JWT is three base64url parts; anything else is refused before it reaches the server. */
export function looksLikeJwt(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= MAX_TOKEN_CHARS &&
    /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value)
  );
}

function page(value: unknown): HostPage | null {
  if (!isObject(value)) return null;
  const url = text(value.url, MAX_URL_CHARS);
  const title = text(value.title, MAX_TITLE_CHARS);
  return url === null || title === null ? null : { url, title };
}

/**
 * A command from the loader, or null when the data is not one. The caller has already checked
 * the message's origin and source window.
 */
export function parseHostCommand(data: unknown): HostCommand | null {
  if (!isObject(data) || data.source !== HOST_SOURCE) return null;
  switch (data.command) {
    case 'open':
    case 'close':
    case 'toggle':
      return { command: data.command };
    case 'logout':
      return { command: 'logout' };
    case 'layout':
      return typeof data.fullScreen === 'boolean'
        ? { command: 'layout', fullScreen: data.fullScreen }
        : null;
    case 'identify':
      return looksLikeJwt(data.token) ? { command: 'identify', token: data.token } : null;
    case 'page': {
      const p = page(data.page);
      return p ? { command: 'page', page: p } : null;
    }
    case 'hello':
      return {
        command: 'hello',
        page: page(data.page),
        identityToken: looksLikeJwt(data.identityToken) ? data.identityToken : null,
      };
    default:
      return null;
  }
}

/** A message from the widget, or null. The caller has checked origin and source window. */
export function parseWidgetMessage(data: unknown): WidgetMessage | null {
  if (!isObject(data) || data.source !== WIDGET_SOURCE) return null;
  if (data.type === 'ready') return { source: WIDGET_SOURCE, type: 'ready' };
  if (
    data.type === 'state' &&
    typeof data.open === 'boolean' &&
    typeof data.unread === 'number' &&
    Number.isInteger(data.unread) &&
    data.unread >= 0
  ) {
    // An older widget sends no titleCount: the title is then left alone.
    const count =
      typeof data.titleCount === 'number' &&
      Number.isInteger(data.titleCount) &&
      data.titleCount >= 0
        ? data.titleCount
        : 0;
    return {
      source: WIDGET_SOURCE,
      type: 'state',
      open: data.open,
      unread: data.unread,
      titleCount: count,
    };
  }
  return null;
}

/** What the host page's `SupportChat(name, arg)` calls mean; null for a call we do not know. */
export type ApiCall =
  | { name: 'identify'; token: string }
  | { name: 'logout' | 'open' | 'close' | 'toggle' }
  | { name: 'on-unread'; listener: (unread: number) => void };

export function parseApiCall(name: unknown, arg: unknown, listener?: unknown): ApiCall | null {
  switch (name) {
    case 'identify': {
      // {token} as documented; a bare token string is accepted too.
      const token = isObject(arg) ? arg.token : arg;
      return looksLikeJwt(token) ? { name: 'identify', token } : null;
    }
    case 'logout':
    case 'open':
    case 'close':
    case 'toggle':
      return { name };
    case 'on':
      return arg === 'unread' && typeof listener === 'function'
        ? { name: 'on-unread', listener: listener as (unread: number) => void }
        : null;
    default:
      return null;
  }
}
