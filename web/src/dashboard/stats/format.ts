/** Human-readable numbers for the statistics page. */
import { formatDate, formatNumber } from '../../shared/i18n/i18n';

/** "5 min", "2 Std.", "٣ ساعات": the language's own short unit (Intl). */
function unit(value: number, name: 'second' | 'minute' | 'hour' | 'day'): string {
  return formatNumber(value, { style: 'unit', unit: name, unitDisplay: 'short' });
}

function join(first: string, rest: number, name: 'minute' | 'hour'): string {
  return rest ? `${first} ${unit(rest, name)}` : first;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return join(unit(hours, 'hour'), minutes % 60, 'minute');
  const days = Math.floor(hours / 24);
  return join(unit(days, 'day'), hours % 24, 'hour');
}

/** "2026-11-25" → "25 Nov" (the date is a calendar day, not an instant: no time zone shift). */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return formatDate(new Date(y, m - 1, d), { day: 'numeric', month: 'short' });
}

/** A round axis maximum at or above the largest value: 1, 2, 5, 10, 20, 50… */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}
