import { describe, expect, it } from 'vitest';
import {
  emailStatus,
  kindLabel,
  localTime,
  pageLabel,
  shortDate,
  zoneOffsetMinutes,
} from './person';

describe('kindLabel and emailStatus', () => {
  it('names each kind; no kind is an account', () => {
    expect(kindLabel('verified')).toBe('Verified user');
    expect(kindLabel('visitor')).toBe('Visitor');
    expect(kindLabel('account')).toBe('Account');
    expect(kindLabel(undefined)).toBe('Account');
  });

  it('says whether the email was vouched for, and nothing without an email', () => {
    expect(emailStatus({ email: 'a@b.test', emailVerified: true })).toBe('verified');
    expect(emailStatus({ email: 'a@b.test', emailVerified: false })).toBe('not verified');
    expect(emailStatus({ email: 'a@b.test' })).toBe('not verified');
    expect(emailStatus({ email: null, emailVerified: true })).toBeNull();
  });
});

describe('local time', () => {
  const summer = new Date('2026-07-14T12:00:30Z');
  const winter = new Date('2026-01-14T12:00:00Z');

  it('knows a zone’s offset, with daylight saving and half hours', () => {
    expect(zoneOffsetMinutes('Europe/Paris', summer)).toBe(120);
    expect(zoneOffsetMinutes('Europe/Paris', winter)).toBe(60);
    expect(zoneOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
    expect(zoneOffsetMinutes('America/New_York', winter)).toBe(-300);
    expect(zoneOffsetMinutes('UTC', winter)).toBe(0);
    expect(zoneOffsetMinutes('Mars/Olympus', winter)).toBeNull();
  });

  it('shows the person’s clock and how far it is from the agent’s', () => {
    expect(localTime('Europe/Paris', summer, 0, 'en-GB')).toBe('Tue 14:00 · 2 hrs ahead of you');
    expect(localTime('America/New_York', winter, 60, 'en-GB')).toBe('Wed 07:00 · 6 hrs behind you');
    expect(localTime('Asia/Kolkata', winter, 0, 'en-GB')).toBe(
      'Wed 17:30 · 5 hrs 30 mins ahead of you',
    );
    expect(localTime('Europe/Paris', winter, 60, 'en-GB')).toBe('Wed 13:00 · same time as you');
  });

  it('is null for a missing or unknown zone', () => {
    expect(localTime(null, summer, 0)).toBeNull();
    expect(localTime('', summer, 0)).toBeNull();
    expect(localTime('Not/AZone', summer, 0)).toBeNull();
  });
});

describe('pageLabel and shortDate', () => {
  it('prefers the title, else the address without its scheme', () => {
    expect(pageLabel('https://shop.test/cart', 'Your cart')).toBe('Your cart');
    expect(pageLabel('https://shop.test/cart', '  ')).toBe('shop.test/cart');
    expect(pageLabel('http://shop.test/', null)).toBe('shop.test/');
  });

  it('formats a day and tolerates nonsense', () => {
    expect(shortDate('2026-03-03T10:00:00Z', 'en-GB')).toBe('3 Mar 2026');
    expect(shortDate('not a date')).toBe('');
    expect(shortDate(null)).toBe('');
  });
});
