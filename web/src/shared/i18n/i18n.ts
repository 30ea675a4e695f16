/**
 * Our own small translation helper: the current language, its catalogue (English underneath for
 * any key a catalogue lacks), `t(key, {name})` with `{name}` placeholders, plurals by
 * Intl.PluralRules (`key_one`, `key_few`… chosen per language), and dates, times and numbers by
 * Intl. One language per page (the widget's iframe, the dashboard tab), so the state is module
 * state that logic outside components (sentences, titles) can read too; switching re-renders the
 * app from its root.
 */

import { commonEn } from './common/en';
import type { dashboardEn } from './staff/en';
import { RTL, supportedLocale, type Locale } from './locales';

export { LOCALES, LOCALE_NAMES, browserLanguages, pickLocale, supportedLocale } from './locales';
export type { Locale } from './locales';

type AllKeys = keyof typeof commonEn | keyof typeof dashboardEn;
type PluralSuffix = `_${Intl.LDMLPluralRule}`;
/** A key of a plain sentence (any catalogue; a key the page's catalogues lack shows in English). */
export type MessageKey = Exclude<AllKeys, `${string}${PluralSuffix}`>;
/** The base of a plural key: `x` for `x_one`, `x_other`… */
export type PluralKey = AllKeys extends infer K
  ? K extends `${infer B}_other`
    ? B
    : never
  : never;

export type Catalogue = Readonly<Record<string, string>>;
/** Values of {placeholders}; null (a missing name or email) shows as nothing. */
export type Params = Readonly<Record<string, string | number | null>>;

let locale: Locale = 'en';
/** The tag dates and numbers are formatted for: the language with its region when known (en-GB). */
let formats = 'en';
let fallback: Catalogue = commonEn;
let messages: Catalogue = commonEn;
let plurals = new Intl.PluralRules('en');
let numbers = new Intl.NumberFormat('en');

/**
 * Sets the language and its catalogues (`own` may lack keys; `english` has them all). `region` is
 * a tag of the same language with its region (`en-GB`: 24-hour times), else the language alone.
 */
export function setMessages(
  next: Locale,
  english: Catalogue,
  own: Catalogue = english,
  region?: string,
): void {
  locale = next;
  formats = region && supportedLocale(region) === next ? canonical(region, next) : next;
  fallback = english;
  messages = own;
  plurals = new Intl.PluralRules(formats);
  numbers = new Intl.NumberFormat(formats);
}

function canonical(tag: string, otherwise: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? otherwise;
  } catch {
    return otherwise;
  }
}

/** The first of the tags in the language (the person's region for it), for setMessages. */
export function regionOf(
  language: Locale,
  tags: readonly (string | null | undefined)[],
): string | undefined {
  return tags.find((tag) => supportedLocale(tag) === language) ?? undefined;
}

/** The tag to format dates, times and numbers for (the language, with the person's region). */
export function formatLocale(): string {
  return formats;
}

export function currentLocale(): Locale {
  return locale;
}

export function direction(of: Locale = locale): 'rtl' | 'ltr' {
  return RTL.has(of) ? 'rtl' : 'ltr';
}

function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (value === null) return '';
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

function lookup(key: string): string | undefined {
  return messages[key] ?? fallback[key];
}

/** The sentence for `key` in the current language (English when it lacks one; the key itself if
 * English lacks it too, which the catalogue test rules out). */
export function t(key: MessageKey, params?: Params): string {
  return fill(lookup(key) ?? key, params);
}

/**
 * A sentence that depends on a count: `key_<category>` for the language's plural category of
 * `count` (Arabic has six, English two), `key_other` when that one is missing. `{count}` is
 * formatted for the language.
 */
export function tp(key: PluralKey, count: number, params?: Params): string {
  const own = messages[`${key}_${plurals.select(count)}`] ?? messages[`${key}_other`];
  const template =
    own ??
    fallback[`${key}_${new Intl.PluralRules('en').select(count)}`] ??
    fallback[`${key}_other`] ??
    key;
  return fill(template, { count, ...params });
}

/** "a, b and c" in the language (Intl.ListFormat). */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(formats, { type: 'conjunction' }).format(items);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return options ? new Intl.NumberFormat(formats, options).format(value) : numbers.format(value);
}

export function formatDate(value: Date | string | number, options: Intl.DateTimeFormatOptions) {
  const date = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat(formats, options).format(date);
}

/** "5 minutes ago", "in 2 days", "yesterday": the largest unit that fits, in the language. */
export function relativeTime(value: Date | string | number, now: Date = new Date()): string {
  const at = value instanceof Date ? value : new Date(value);
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(formats, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** `lang` and `dir` on the page's root, so the browser, screen readers and CSS follow. */
export function applyToDocument(root: HTMLElement = document.documentElement): void {
  root.lang = locale;
  root.dir = direction();
}

/**
 * Makes `next` the page's language: its catalogue fetched (English is bundled), English kept
 * underneath for missing keys. A catalogue that cannot be fetched leaves the page in English.
 */
export async function activate(
  next: Locale,
  english: Catalogue,
  load: (locale: Locale) => Promise<Catalogue>,
  regions: readonly (string | null | undefined)[] = [],
): Promise<Locale> {
  let chosen = next;
  let own = english;
  if (next !== 'en') {
    try {
      own = await load(next);
    } catch {
      chosen = 'en';
    }
  }
  setMessages(chosen, english, own, regionOf(chosen, regions));
  if (typeof document !== 'undefined') applyToDocument();
  return chosen;
}
