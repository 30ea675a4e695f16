import { afterEach, describe, expect, it } from 'vitest';
import {
  activate,
  currentLocale,
  direction,
  formatDate,
  formatLocale,
  formatNumber,
  pickLocale,
  relativeTime,
  setMessages,
  t,
  tp,
} from './i18n';
import { commonEn } from './common/en';
import { loadCommon } from './load';

afterEach(() => setMessages('en', commonEn));

describe('pickLocale', () => {
  it('takes the first language we have, by its primary subtag', () => {
    expect(pickLocale('de-AT', 'fr')).toBe('de');
    expect(pickLocale('pt-BR', 'ES', 'fr')).toBe('es');
    expect(pickLocale(null, undefined, 'ar_EG')).toBe('ar');
  });

  it('falls back to English when nothing matches', () => {
    expect(pickLocale('pt', 'zh-CN')).toBe('en');
    expect(pickLocale()).toBe('en');
    expect(pickLocale('')).toBe('en');
  });
});

describe('t', () => {
  it('fills {placeholders}, formatting numbers for the language', () => {
    setMessages('en', { greet: 'Hello {name}, {n} new' }, { greet: 'Hallo {name}, {n} neu' });
    // @ts-expect-error: a key only this test's catalogue has
    expect(t('greet', { name: 'Ana', n: 1234 })).toBe('Hallo Ana, 1,234 neu');
  });

  it('falls back to English for a key the language lacks', () => {
    setMessages('de', commonEn, { 'composer.send': 'Senden' });
    expect(t('composer.send')).toBe('Senden');
    expect(t('composer.label')).toBe('Message');
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(t('widget.adminSignedIn')).toContain('{link}');
  });
});

describe('tp', () => {
  it('uses the language’s plural category, with {count} in its digits', async () => {
    setMessages('ar', commonEn, await loadCommon('ar'));
    expect(tp('widget.bubbleOpenUnread', 1)).toBe('فتح دردشة الدعم، رسالة واحدة غير مقروءة');
    expect(tp('widget.bubbleOpenUnread', 2)).toBe('فتح دردشة الدعم، رسالتان غير مقروءتين');
    // The digits are whatever Intl uses for Arabic here (Arabic-Indic or Latin, by ICU version).
    const digits = new Intl.NumberFormat('ar');
    expect(tp('widget.bubbleOpenUnread', 3)).toBe(
      `فتح دردشة الدعم، ${digits.format(3)} رسائل غير مقروءة`,
    );
    expect(tp('widget.bubbleOpenUnread', 11)).toBe(
      `فتح دردشة الدعم، ${digits.format(11)} رسالة غير مقروءة`,
    );
  });

  it('says one and many in English and German', async () => {
    expect(tp('widget.bubbleOpenUnread', 1)).toBe('Open support chat, 1 unread message');
    expect(tp('widget.bubbleOpenUnread', 5)).toBe('Open support chat, 5 unread messages');
    setMessages('de', commonEn, await loadCommon('de'));
    expect(tp('refusal.rateLimitedIn', 2)).toContain('in 2 Minuten');
  });

  it('falls back to English plural forms when the language lacks the key', () => {
    setMessages('fr', commonEn, {});
    expect(tp('widget.bubbleOpenUnread', 1)).toBe('Open support chat, 1 unread message');
  });
});

describe('Intl formats', () => {
  it('formats numbers and relative times in the chosen language', () => {
    setMessages('de', commonEn, {});
    expect(formatNumber(1234.5)).toBe('1.234,5');
    const now = new Date('2026-12-06T12:00:00Z');
    expect(relativeTime(new Date('2026-12-06T11:55:00Z'), now)).toBe('vor 5 Minuten');
    expect(relativeTime(new Date('2026-12-05T12:00:00Z'), now)).toBe('gestern');
    setMessages('fr', commonEn, {});
    expect(relativeTime(new Date('2026-12-06T10:00:00Z'), now)).toBe('il y a 2 heures');
  });
});

describe('the region', () => {
  it('formats for the person’s region of the chosen language, and ignores other languages’', async () => {
    const at = new Date('2026-12-06T18:05:00Z');
    const time = { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' } as const;
    await activate('en', commonEn, loadCommon, ['fr-CA', 'en-GB', 'en-US']);
    expect(formatLocale()).toBe('en-GB');
    expect(formatDate(at, time)).toBe('18:05');
    await activate('en', commonEn, loadCommon, ['en-US']);
    expect(formatDate(at, time)).toBe('6:05 PM');
    await activate('de', commonEn, loadCommon, ['fr-CA', 'en-GB']);
    expect(formatLocale()).toBe('de');
  });
});

describe('activate', () => {
  it('loads the language’s catalogue and tells the direction', async () => {
    expect(await activate('ar', commonEn, loadCommon)).toBe('ar');
    expect(currentLocale()).toBe('ar');
    expect(direction()).toBe('rtl');
    expect(t('composer.send')).toBe('إرسال');
  });

  it('stays in English when the catalogue cannot be fetched', async () => {
    const chosen = await activate('fr', commonEn, () => Promise.reject(new Error('offline')));
    expect(chosen).toBe('en');
    expect(direction()).toBe('ltr');
    expect(t('composer.send')).toBe('Send');
  });
});
