/**
 * "Back today at 9:00", "Back tomorrow at 9:00", "Back Monday at 9:00" or "Back on 5 January at
 * 9:00": when the team is back, in the reader's own time zone and language (Intl).
 */
import { formatLocale, t } from '../i18n/i18n';

export function backSentence(
  nextOpenAt: string,
  now: Date,
  locale: string = formatLocale(),
  timeZone?: string,
): string | null {
  const at = new Date(nextOpenAt);
  if (Number.isNaN(at.getTime())) return null;
  const time = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(at);
  const days = dayNumber(at, timeZone) - dayNumber(now, timeZone);
  if (days <= 0) return t('back.today', { time });
  if (days === 1) return t('back.tomorrow', { time });
  if (days < 7) {
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone }).format(at);
    return t('back.weekday', { weekday, time });
  }
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone }).format(
    at,
  );
  return t('back.date', { date, time });
}

/** Days since the epoch of the calendar date the instant falls on in the time zone. */
function dayNumber(d: Date, timeZone?: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / 86_400_000);
}
