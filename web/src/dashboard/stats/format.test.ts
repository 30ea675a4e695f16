import { afterEach, describe, expect, it } from 'vitest';
import { setMessages } from '../../shared/i18n/i18n';
import { staffEn } from '../../shared/i18n/staff/load';
import { formatDuration, niceMax } from './format';

describe('formatDuration', () => {
  afterEach(() => setMessages('en', staffEn));

  it('picks a unit people read at a glance', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(4_200)).toBe('4 sec');
    expect(formatDuration(125_000)).toBe('2 min');
    expect(formatDuration(3_600_000)).toBe('1 hr');
    expect(formatDuration(3_900_000)).toBe('1 hr 5 min');
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 days 3 hr');
  });

  it('says the units in the page’s language', () => {
    setMessages('de', staffEn, {});
    expect(formatDuration(3_900_000)).toBe('1 Std. 5 Min.');
    setMessages('fr', staffEn, {});
    // French puts a narrow no-break space between number and unit.
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe('2\u202fj 3\u202fh');
  });
});

describe('niceMax', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(50)).toBe(50);
    expect(niceMax(51)).toBe(100);
  });
});
