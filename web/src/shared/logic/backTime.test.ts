import { afterEach, describe, expect, it } from 'vitest';
import { setMessages } from '../i18n/i18n';
import { commonAr } from '../i18n/common/ar';
import { commonDe } from '../i18n/common/de';
import { staffEn } from '../i18n/staff/load';
import { backSentence } from './backTime';

describe('backSentence', () => {
  // Saturday 2026-12-12, 20:00 in Paris.
  const now = new Date('2026-12-12T19:00:00Z');

  it('names the weekday within a week, in the reader’s time zone', () => {
    expect(backSentence('2026-12-14T08:00:00Z', now, 'en-GB', 'Europe/Paris')).toBe(
      'Back Monday at 9:00',
    );
    expect(backSentence('2026-12-14T08:00:00Z', now, 'en-US', 'America/New_York')).toBe(
      'Back Monday at 3:00 AM',
    );
  });

  it('says today and tomorrow', () => {
    expect(backSentence('2026-12-12T21:00:00Z', now, 'en-GB', 'Europe/Paris')).toBe(
      'Back today at 22:00',
    );
    expect(backSentence('2026-12-13T08:00:00Z', now, 'en-GB', 'Europe/Paris')).toBe(
      'Back tomorrow at 9:00',
    );
  });

  it('gives the date beyond a week, and nothing for a broken date', () => {
    expect(backSentence('2026-12-28T08:00:00Z', now, 'en-GB', 'Europe/Paris')).toBe(
      'Back on 28 December at 9:00',
    );
    expect(backSentence('not a date', now, 'en-GB', 'Europe/Paris')).toBeNull();
  });

  it('counts days in the reader’s zone, not UTC', () => {
    // 23:30 in Tokyo on Saturday is still Saturday there, 14:30 UTC.
    const late = new Date('2026-12-12T14:30:00Z');
    expect(backSentence('2026-12-13T00:00:00Z', late, 'en-GB', 'Asia/Tokyo')).toBe(
      'Back tomorrow at 9:00',
    );
  });

  describe('in other languages', () => {
    afterEach(() => setMessages('en', staffEn));

    it('says it in German with German dates', () => {
      setMessages('de', staffEn, commonDe, 'de-DE');
      expect(backSentence('2026-12-14T08:00:00Z', now, undefined, 'Europe/Paris')).toBe(
        'Montag ab 9:00 wieder da',
      );
      expect(backSentence('2026-12-28T08:00:00Z', now, undefined, 'Europe/Paris')).toBe(
        'Am 28. Dezember ab 9:00 wieder da',
      );
    });

    it('says it in Arabic with the Arabic weekday', () => {
      setMessages('ar', staffEn, commonAr);
      const sentence = backSentence('2026-12-14T08:00:00Z', now, undefined, 'Europe/Paris');
      expect(sentence).toMatch(/^نعود يوم الاثنين الساعة /);
    });
  });
});
