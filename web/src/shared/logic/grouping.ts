/** Groups timeline items into local calendar days with "Today" / "Yesterday" / date labels. */
import { formatLocale, t } from '../i18n/i18n';

export interface DayGroup<T> {
  /** Local calendar day, YYYY-MM-DD. */
  key: string;
  label: string;
  items: T[];
}

export function dayKey(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function dayLabel(key: string, now: Date, locale: string = formatLocale()): string {
  if (key === dayKey(now)) return t('common.today');
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (key === dayKey(yesterday)) return t('common.yesterday');
  const [y, m, d] = key.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** Items must already be in chronological order; groups keep that order. */
export function groupByDay<T extends { createdAt: string }>(
  items: readonly T[],
  now: Date = new Date(),
  locale?: string,
): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const key = dayKey(new Date(item.createdAt));
    let group = groups[groups.length - 1];
    if (!group || group.key !== key) {
      group = { key, label: dayLabel(key, now, locale), items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

export function formatTime(iso: string, locale: string = formatLocale()): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}
