import { describe, expect, it } from 'vitest';
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
});
