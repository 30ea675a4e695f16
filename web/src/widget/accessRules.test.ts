import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/client';
import type { User } from '../shared/types';
import {
  anonymousEntry,
  buildContext,
  clip,
  identifyPlan,
  jwtSubject,
  refusalSentence,
} from './accessRules';

function jwt(claims: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part(claims)}.c2ln`;
}

function user(kind: User['kind'], externalId: string | null = null): User {
  return { _id: 'u1', fullName: 'U', email: null, isAdmin: false, kind, externalId };
}

describe('anonymousEntry', () => {
  it('offers guests, the pre-chat form, or accounts as the server is set up', () => {
    expect(anonymousEntry({ visitors: true, prechat: 'off', identity: false })).toBe('visitor');
    expect(anonymousEntry({ visitors: true, prechat: 'optional', identity: true })).toBe('prechat');
    expect(anonymousEntry({ visitors: true, prechat: 'required', identity: true })).toBe('prechat');
    expect(anonymousEntry({ visitors: false, prechat: 'required', identity: true })).toBe(
      'account',
    );
    expect(anonymousEntry(null)).toBe('account');
  });
});

describe('jwtSubject', () => {
  it('reads sub from the payload, including non-ASCII and base64url characters', () => {
    expect(jwtSubject(jwt({ sub: 'user-42' }))).toBe('user-42');
    expect(jwtSubject(jwt({ sub: 'Zoë ✓ ~~~???' }))).toBe('Zoë ✓ ~~~???');
  });

  it('is null for tokens without a readable sub', () => {
    expect(jwtSubject(jwt({ name: 'x' }))).toBeNull();
    expect(jwtSubject(jwt({ sub: 7 }))).toBeNull();
    expect(jwtSubject('a.%%%.c')).toBeNull();
    expect(jwtSubject('nodots')).toBeNull();
  });
});

describe('identifyPlan', () => {
  const token = jwt({ sub: 'host-7' });

  it('keeps the verified user the token is for (no request, no replayed jti)', () => {
    expect(identifyPlan(user('verified', 'host-7'), token)).toBe('keep');
  });

  it('merges a guest into the verified user', () => {
    expect(identifyPlan(user('visitor'), token)).toBe('merge');
  });

  it('replaces nobody, another verified user, or an account', () => {
    expect(identifyPlan(null, token)).toBe('replace');
    expect(identifyPlan(user('verified', 'host-8'), token)).toBe('replace');
    expect(identifyPlan(user('account'), token)).toBe('replace');
    expect(identifyPlan(user(undefined), token)).toBe('replace');
  });
});

describe('refusalSentence', () => {
  const error = (status: number, code: ApiError['code'], message: string, retry?: number) =>
    new ApiError(status, code, message, retry ?? null);

  it('says why an identity token was refused, in the server’s words', () => {
    const sentence = refusalSentence(
      error(401, 'unauthorized', 'The identity token has expired; ask the page for a new one.'),
      'identify',
    );
    expect(sentence).toMatch(/could not confirm that you are signed in/);
    expect(sentence).toMatch(/has expired/);
  });

  it('turns Retry-After into minutes', () => {
    expect(refusalSentence(error(429, 'rate_limited', 'x', 30), 'visitor')).toMatch(
      /try again in a minute/,
    );
    expect(refusalSentence(error(429, 'rate_limited', 'x', 1800), 'visitor')).toMatch(
      /try again in 30 minutes/,
    );
    expect(refusalSentence(error(429, 'rate_limited', 'x'), 'identify')).toMatch(/later/);
  });

  it('explains guests being off, the network, and unknown failures', () => {
    expect(refusalSentence(error(403, 'forbidden', 'x'), 'visitor')).toMatch(
      /without an account is turned off/,
    );
    expect(refusalSentence(error(0, 'network', 'Failed to fetch'), 'start')).toMatch(
      /could not reach/,
    );
    expect(refusalSentence(error(500, 'internal', 'NullPointerException'), 'start')).not.toMatch(
      /NullPointer/,
    );
    expect(refusalSentence(new TypeError('boom'), 'start')).toMatch(/went wrong/);
  });

  it('passes the server’s sentence for a pre-chat form it found invalid', () => {
    expect(refusalSentence(error(400, 'invalid', 'Please tell us your name.'), 'visitor')).toBe(
      'Please tell us your name.',
    );
  });
});

describe('buildContext', () => {
  const page = (url: string, title = 'Shop') => ({ url, title });

  it('reports page, language and time zone', () => {
    expect(buildContext(page('https://shop.test/cart?x=1#top'), 'en-GB', 'Europe/Paris')).toEqual({
      pageUrl: 'https://shop.test/cart?x=1',
      pageTitle: 'Shop',
      language: 'en-GB',
      timeZone: 'Europe/Paris',
    });
  });

  it('never reports a non-web address', () => {
    expect(buildContext(page('javascript:alert(1)'), undefined, undefined)).toEqual({
      pageTitle: 'Shop',
    });
    expect(buildContext(page('file:///etc/passwd', ''), undefined, undefined)).toEqual({});
  });

  it('keeps within the server’s limits', () => {
    const long = `https://shop.test/p?${'q=1&'.repeat(1000)}`;
    expect(buildContext(page(long), undefined, undefined).pageUrl).toBe('https://shop.test/p');
    const huge = `https://shop.test/${'p'.repeat(3000)}`;
    expect(buildContext(page(huge), undefined, undefined).pageUrl).toBeUndefined();
    expect(buildContext(page('https://x.test/', 't'.repeat(400)), '', '').pageTitle).toHaveLength(
      300,
    );
    expect(buildContext(null, 'x'.repeat(36), 'y'.repeat(65))).toEqual({});
  });

  it('clips without splitting a character', () => {
    expect(clip('ab😀', 3)).toBe('ab');
    expect(clip('abc', 3)).toBe('abc');
  });
});
