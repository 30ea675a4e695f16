/**
 * Pure rules of how the widget gets a session: which way in the panel offers, whether an identity
 * token replaces the current session, what the widget tells the person when the server refuses,
 * and what it reports about the page. The WidgetAccess controller applies them.
 */
import { ApiError } from '../shared/api/client';
import type { ReportedContext } from '../shared/api/widget';
import type { User, WidgetConfig } from '../shared/types';
import type { HostPage } from './embed/protocol';
import { t, tp } from '../shared/i18n/i18n';

/** What the panel offers to someone without a session. */
export type Entry = 'visitor' | 'prechat' | 'account';

/** Guests when the server lets them in (with the pre-chat form if it asks for one), else accounts. */
export function anonymousEntry(config: WidgetConfig | null): Entry {
  if (!config?.visitors) return 'account';
  return config.prechat === 'off' ? 'visitor' : 'prechat';
}

/**
 * The `sub` claim of a JWT, read without verifying it: only to notice that the host vouches for
 * the person who is already signed in (the server verifies every token it is sent).
 */
export function jwtSubject(token: string): string | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

/**
 * What an identity token from the host means for the current session:
 * - `keep`: it vouches for the verified user already signed in (no request, no replayed jti);
 * - `merge`: a guest signs in; their access token goes along so their conversation follows them;
 * - `replace`: nobody, or somebody else, is signed in here.
 */
export function identifyPlan(current: User | null, token: string): 'keep' | 'merge' | 'replace' {
  if (
    current?.kind === 'verified' &&
    current.externalId &&
    current.externalId === jwtSubject(token)
  )
    return 'keep';
  return current?.kind === 'visitor' ? 'merge' : 'replace';
}

export type Action = 'start' | 'identify' | 'visitor' | 'logout';

/** A sentence for the person, never a silent failure; the server's own words where it has some. */
export function refusalSentence(error: unknown, action: Action): string {
  if (!(error instanceof ApiError)) return t('refusal.generic');
  const server = error.message.trim();
  switch (error.code) {
    case 'network':
      return t('refusal.network');
    case 'rate_limited':
      return error.retryAfterSeconds !== null
        ? tp('refusal.rateLimitedIn', Math.max(1, Math.ceil(error.retryAfterSeconds / 60)))
        : t('refusal.rateLimited');
    case 'unauthorized':
      // The server's reason stays in its own (English) words: it names what it checked.
      return action === 'identify'
        ? t('refusal.notConfirmed', { reason: server }).trim()
        : t('refusal.sessionEnded');
    case 'forbidden':
      return action === 'visitor' ? t('refusal.visitorsOff') : server || t('refusal.notAllowed');
    case 'not_found':
      return action === 'identify' ? t('refusal.noSignIns') : server || t('refusal.notFound');
    case 'invalid':
      return server || t('refusal.checkInput');
    default:
      return t('refusal.ourSide');
  }
}

/** Server limits of PUT /widget/context (characters). */
export const CONTEXT_LIMITS = { pageUrl: 2048, pageTitle: 300, language: 35, timeZone: 64 };

/** A page address the server will store: http(s) only, without the fragment, within the limit. */
function reportableUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  if (url.href.length <= CONTEXT_LIMITS.pageUrl) return url.href;
  // A huge query string is the usual culprit; the path alone still says which page it was.
  url.search = '';
  return url.href.length <= CONTEXT_LIMITS.pageUrl ? url.href : undefined;
}

/** At most `max` UTF-16 units (as the server counts), never half of a character. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** What the widget reports to the agents about where and how the person chats. */
export function buildContext(
  page: HostPage | null,
  language: string | undefined,
  timeZone: string | undefined,
): ReportedContext {
  const context: ReportedContext = {};
  const pageUrl = page ? reportableUrl(page.url) : undefined;
  if (pageUrl) context.pageUrl = pageUrl;
  const title = page?.title.trim();
  if (title) context.pageTitle = clip(title, CONTEXT_LIMITS.pageTitle);
  if (language && language.length <= CONTEXT_LIMITS.language) context.language = language;
  if (timeZone && timeZone.length <= CONTEXT_LIMITS.timeZone) context.timeZone = timeZone;
  return context;
}
