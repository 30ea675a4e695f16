// Every language has exactly English's keys (plural keys: exactly the categories Intl.PluralRules
// gives that language), the same {placeholders}, and no English copies left behind.
import { describe, expect, it } from 'vitest';
import { commonAr } from './common/ar';
import { commonDe } from './common/de';
import { commonEn } from './common/en';
import { commonEs } from './common/es';
import { commonFr } from './common/fr';
import { dashboardAr } from './staff/ar';
import { dashboardDe } from './staff/de';
import { dashboardEn } from './staff/en';
import { dashboardEs } from './staff/es';
import { dashboardFr } from './staff/fr';
import { FRAME_TITLES } from './frameTitle';
import type { Catalogue } from './i18n';
import { LOCALES, type Locale } from './locales';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The keys a language must have: English's plain keys, and each plural base with its categories. */
function expectedKeys(english: Catalogue, locale: Locale): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of Object.keys(english)) {
    if (PLURAL.test(key)) {
      const base = key.replace(PLURAL, '');
      for (const c of categories) keys.add(`${base}_${c}`);
    } else keys.add(key);
  }
  return [...keys].sort();
}

/** Words outside {placeholders}: "{score} · {label}" has none to translate. */
function words(text: string): number {
  return text
    .replace(/\{\w+\}/g, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w)).length;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** The English sentence a key of another language stands for (a plural one: its `_other`). */
function englishOf(english: Catalogue, key: string): string | undefined {
  return english[key] ?? english[key.replace(PLURAL, '_other')];
}

const SETS: {
  name: string;
  english: Catalogue;
  others: Record<Exclude<Locale, 'en'>, Catalogue>;
}[] = [
  {
    name: 'widget and shared',
    english: commonEn,
    others: { de: commonDe, fr: commonFr, es: commonEs, ar: commonAr },
  },
  {
    name: 'dashboard',
    english: dashboardEn,
    others: { de: dashboardDe, fr: dashboardFr, es: dashboardEs, ar: dashboardAr },
  },
];

describe.each(SETS)('the $name catalogues', ({ english, others }) => {
  it('English has both plural forms of each plural key', () => {
    expect(Object.keys(english).sort()).toEqual(expectedKeys(english, 'en'));
  });

  describe.each(Object.entries(others))('%s', (locale, catalogue) => {
    it('has exactly the keys English has (plurals: its own categories)', () => {
      expect(Object.keys(catalogue).sort()).toEqual(expectedKeys(english, locale as Locale));
    });

    it('keeps every {placeholder} of the English sentence, and adds none', () => {
      for (const [key, text] of Object.entries(catalogue)) {
        const source = englishOf(english, key) ?? '';
        // A singular form may spell its number out ("eine Minute", "دقيقة واحدة").
        const mine = placeholders(text).filter((p) => !(p === 'count' && !/_other$/.test(key)));
        const theirs = placeholders(source).filter((p) => !(p === 'count' && !/_other$/.test(key)));
        expect({ key, placeholders: mine }).toEqual({ key, placeholders: theirs });
      }
    });

    it('is translated: no long sentence is left in English', () => {
      const copies = Object.entries(catalogue).filter(
        ([key, text]) => words(text) > 2 && text === englishOf(english, key),
      );
      expect(copies).toEqual([]);
    });
  });
});

describe('the iframe title the loader sets', () => {
  it('exists in every language', () => {
    expect(Object.keys(FRAME_TITLES).sort()).toEqual([...LOCALES].sort());
  });
});
