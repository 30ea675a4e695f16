/** Pure helpers of the person panel: labels, the person's local time, the page link. */
import type { User, UserKind } from '../../shared/types';
import { formatLocale, t } from '../../shared/i18n/i18n';

/** Older servers send no kind: those users all had accounts. */
export function kindLabel(kind: UserKind | undefined): string {
  return t(`person.kind.${kind ?? 'account'}`);
}

/** Verified means the host site (or the server) vouched for the address, not that it was typed. */
export function emailStatus(user: Pick<User, 'email' | 'emailVerified'>): string | null {
  if (!user.email) return null;
  return user.emailVerified ? t('person.verified') : t('person.notVerified');
}

/** The zone's offset from UTC at `now`, in minutes (null for an unknown zone). */
export function zoneOffsetMinutes(timeZone: string, now: Date): number | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(now);
  } catch {
    return null;
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const nowMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - nowMinute) / 60_000);
}

/** "2 hr 30 min" in the language's own unit words (Intl). */
function hoursAndMinutes(minutes: number, locale: string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(
      value,
    );
  return [h ? unit(h, 'hour') : '', m ? unit(m, 'minute') : ''].filter(Boolean).join(' ');
}

/**
 * "Tue 14:05 · 2 h ahead of you" in the person's time zone; null when the zone is unknown.
 * `agentOffsetMinutes` is the agent's own offset from UTC (east positive).
 */
export function localTime(
  timeZone: string | null | undefined,
  now: Date,
  agentOffsetMinutes: number,
  locale: string = formatLocale(),
): string | null {
  if (!timeZone) return null;
  const offset = zoneOffsetMinutes(timeZone, now);
  if (offset === null) return null;
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(now);
  const diff = offset - agentOffsetMinutes;
  if (diff === 0) return t('person.sameTime', { time });
  const offsetText = hoursAndMinutes(Math.abs(diff), locale);
  return t(diff > 0 ? 'person.ahead' : 'person.behind', { time, offset: offsetText });
}

/** A date for the list of earlier chats ("3 Mar 2026"). */
export function shortDate(iso: string | null | undefined, locale: string = formatLocale()): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The visible text of the page link: its title, else the address without the scheme. */
export function pageLabel(pageUrl: string, pageTitle: string | null | undefined): string {
  const title = pageTitle?.trim();
  return title ? title : pageUrl.replace(/^https?:\/\//, '');
}
