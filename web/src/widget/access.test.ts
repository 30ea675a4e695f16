// The access controller against a scripted fake server (fetch), checking the requests it makes.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../shared/api/client';
import { Session } from '../shared/api/session';
import { createMemoryStore } from '../shared/storage';
import type { User, WidgetConfig } from '../shared/types';
import { WidgetAccess } from './access';

interface Call {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
}

type Answer = { status: number; data?: unknown; code?: string; message?: string };
type Routes = Record<string, (call: Call) => Answer>;

const JWT = (sub: string) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.c2ln`;

function person(id: string, kind: User['kind'], externalId: string | null = null): User {
  return { _id: id, fullName: id, email: null, isAdmin: false, kind, externalId };
}

const login = (user: User, n = 1) => ({
  status: 200,
  data: { user, accessToken: `a-${user._id}-${n}`, refreshToken: `r-${user._id}-${n}` },
});

function setup(config: WidgetConfig | null, routes: Routes, stored?: User) {
  const calls: Call[] = [];
  const storage = createMemoryStore();
  const session = new Session(storage, 'widget');
  if (stored) session.start({ user: stored, accessToken: 'a-old', refreshToken: 'r-old' });
  const all: Routes = {
    'GET /widget/config': () =>
      config ? { status: 200, data: config } : { status: 404, code: 'not_found' },
    'PUT /widget/context': () => ({ status: 200, data: {} }),
    'POST /users/logout': () => ({ status: 200, data: {} }),
    ...routes,
  };
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const path = String(input).replace('http://s/api/v1', '');
    const call: Call = {
      method: init?.method ?? 'GET',
      path,
      auth: headers.Authorization ?? null,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const handler = all[`${call.method} ${path}`];
    const answer = handler ? handler(call) : { status: 404, code: 'not_found' };
    const ok = answer.status < 400;
    return new Response(
      JSON.stringify({
        statusCode: answer.status,
        data: answer.data ?? null,
        success: ok,
        message: answer.message ?? (ok ? 'ok' : 'refused'),
        ...(ok ? {} : { errors: [{ code: answer.code ?? 'invalid', message: 'refused' }] }),
      }),
      { status: answer.status, headers: { 'Content-Type': 'application/json' } },
    );
  };
  const api = createApiClient({ baseUrl: 'http://s', session, fetchImpl });
  const access = new WidgetAccess(api, storage, { language: 'fr-FR', timeZone: 'Europe/Paris' });
  const paths = () => calls.map((c) => `${c.method} ${c.path}`);
  return { access, session, calls, paths, storage };
}

const VISITORS: WidgetConfig = { visitors: true, prechat: 'off', identity: true };
const page = { url: 'https://shop.test/cart', title: 'Cart' };

describe('WidgetAccess', () => {
  it('with nothing stored and guests on, offers a guest start and creates nothing yet', async () => {
    const { access, session, paths } = setup(VISITORS, {});
    await access.start({ identityToken: null, page });
    expect(access.getState()).toMatchObject({ phase: 'ready', entry: 'visitor', error: null });
    expect(session.get()).toBeNull();
    expect(paths()).toEqual(['GET /widget/config']);
  });

  it('starts a guest session on demand and then reports the context', async () => {
    const guest = person('g1', 'visitor');
    const { access, session, calls } = setup(VISITORS, {
      'POST /widget/visitors': () => ({ ...login(guest), status: 201 }),
    });
    await access.start({ identityToken: null, page });
    expect(await access.startVisitor()).toBe(true);
    expect(session.get()?.user?._id).toBe('g1');
    await Promise.resolve();
    const context = calls.find((c) => c.path === '/widget/context');
    expect(context?.auth).toBe('Bearer a-g1-1');
    expect(context?.body).toEqual({
      pageUrl: 'https://shop.test/cart',
      pageTitle: 'Cart',
      language: 'fr-FR',
      timeZone: 'Europe/Paris',
    });
  });

  it('refreshes a stored session instead of starting anything', async () => {
    const stored = person('g1', 'visitor');
    const { access, session, paths } = setup(
      VISITORS,
      {
        'POST /users/refresh-token': () => ({
          status: 200,
          data: { accessToken: 'a2', refreshToken: 'r2' },
        }),
        'GET /users/me': () => ({ status: 200, data: stored }),
      },
      stored,
    );
    await access.start({ identityToken: null, page: null });
    expect(paths()).toEqual([
      'GET /widget/config',
      'POST /users/refresh-token',
      'GET /users/me',
      'PUT /widget/context',
    ]);
    expect(session.get()).toMatchObject({ accessToken: 'a2', refreshToken: 'r2' });
  });

  it('a stored session the server revoked falls back to the anonymous way in', async () => {
    const { access, session } = setup(
      VISITORS,
      {
        'POST /users/refresh-token': () => ({ status: 401, code: 'unauthorized' }),
      },
      person('g1', 'visitor'),
    );
    await access.start({ identityToken: null, page: null });
    expect(session.get()).toBeNull();
    expect(access.getState()).toMatchObject({ phase: 'ready', entry: 'visitor' });
  });

  it('signs in the host’s user from the hello without a bearer when nobody is here', async () => {
    const verified = person('v1', 'verified', 'host-1');
    const { access, session, calls } = setup(VISITORS, {
      'POST /widget/identify': () => login(verified),
    });
    await access.start({ identityToken: JWT('host-1'), page });
    const identify = calls.find((c) => c.path === '/widget/identify');
    expect(identify).toMatchObject({ auth: null, body: { token: JWT('host-1') } });
    expect(session.get()?.user?._id).toBe('v1');
  });

  it('a guest who identifies sends a fresh access token so the conversation merges', async () => {
    const guest = person('g1', 'visitor');
    const verified = person('v1', 'verified', 'host-1');
    const { access, calls, paths } = setup(VISITORS, {
      'POST /users/refresh-token': () => ({
        status: 200,
        data: { accessToken: 'a-fresh', refreshToken: 'r-fresh' },
      }),
      'GET /users/me': () => ({ status: 200, data: guest }),
      'POST /widget/identify': () => login(verified),
    });
    access['api'].session.start({ user: guest, accessToken: 'a-old', refreshToken: 'r-old' });
    await access.start({ identityToken: null, page: null });
    await access.identify(JWT('host-1'));
    const identify = calls.find((c) => c.path === '/widget/identify');
    // Refreshed once at start and once right before identifying.
    expect(paths().filter((p) => p === 'POST /users/refresh-token')).toHaveLength(2);
    expect(identify?.auth).toBe('Bearer a-fresh');
    // The guest session is not revoked by hand: the server merged and retired it.
    expect(paths()).not.toContain('POST /users/logout');
  });

  it('the same verified user again costs no request (a replayed jti would be refused)', async () => {
    const verified = person('v1', 'verified', 'host-1');
    const { access, paths } = setup(
      VISITORS,
      {
        'POST /users/refresh-token': () => ({
          status: 200,
          data: { accessToken: 'a2', refreshToken: 'r2' },
        }),
        'GET /users/me': () => ({ status: 200, data: verified }),
      },
      verified,
    );
    await access.start({ identityToken: JWT('host-1'), page: null });
    expect(paths()).not.toContain('POST /widget/identify');
  });

  it('a refused token is told in a sentence, not retried, and nobody is signed in', async () => {
    const { access, session, paths } = setup(VISITORS, {
      'POST /widget/identify': () => ({
        status: 401,
        code: 'unauthorized',
        message: 'The identity token has expired; ask the page for a new one.',
      }),
    });
    await access.start({ identityToken: JWT('host-1'), page: null });
    expect(access.getState().error).toMatch(/could not confirm that you are signed in.*expired/);
    expect(paths().filter((p) => p === 'POST /widget/identify')).toHaveLength(1);
    expect(session.get()).toBeNull();
  });

  it('another host user’s refused token signs the previous verified user out', async () => {
    const verified = person('v1', 'verified', 'host-1');
    const { access, session } = setup(
      VISITORS,
      {
        'POST /users/refresh-token': () => ({
          status: 200,
          data: { accessToken: 'a2', refreshToken: 'r2' },
        }),
        'GET /users/me': () => ({ status: 200, data: verified }),
        'POST /widget/identify': () => ({ status: 401, code: 'unauthorized' }),
      },
      verified,
    );
    await access.start({ identityToken: JWT('host-2'), page: null });
    expect(session.get()).toBeNull();
    expect(access.getState().error).not.toBeNull();
  });

  it('guests turned off on the server: the account form, with the reason', async () => {
    const { access } = setup(VISITORS, {
      'POST /widget/visitors': () => ({ status: 403, code: 'forbidden' }),
    });
    await access.start({ identityToken: null, page: null });
    expect(await access.startVisitor()).toBe(false);
    expect(access.getState()).toMatchObject({ entry: 'account', phase: 'ready' });
    expect(access.getState().error).toMatch(/turned off/);
  });

  it('a 429 on a guest start says when to try again', async () => {
    const { access } = setup(VISITORS, {
      'POST /widget/visitors': () => ({ status: 429, code: 'rate_limited' }),
    });
    await access.start({ identityToken: null, page: null });
    await access.startVisitor();
    expect(access.getState().error).toMatch(/too many attempts/);
  });

  it('an unreachable server fails the start with a retry', async () => {
    let down = true;
    const { access } = setup(VISITORS, {
      'GET /widget/config': () =>
        down ? { status: 503, code: 'internal' } : { status: 200, data: VISITORS },
    });
    await access.start({ identityToken: null, page: null });
    expect(access.getState()).toMatchObject({ phase: 'failed' });
    expect(access.getState().error).toMatch(/try again/i);
    down = false;
    await access.retry();
    expect(access.getState()).toMatchObject({ phase: 'ready', error: null });
  });

  it('a server without the widget API offers accounts', async () => {
    const { access } = setup(null, {});
    await access.start({ identityToken: null, page: null });
    expect(access.getState()).toMatchObject({ phase: 'ready', entry: 'account' });
  });

  it('an identify sent before the start waits for it', async () => {
    const verified = person('v1', 'verified', 'host-1');
    const { access, session, paths } = setup(VISITORS, {
      'POST /widget/identify': () => login(verified),
    });
    void access.identify(JWT('host-1'));
    await access.start({ identityToken: null, page: null });
    expect(paths()).toEqual(['GET /widget/config', 'POST /widget/identify', 'PUT /widget/context']);
    expect(session.get()?.user?._id).toBe('v1');
  });

  it('logout ends the session on the server and forgets the outbox', async () => {
    const guest = person('g1', 'visitor');
    const { access, session, storage, calls } = setup(VISITORS, {
      'POST /widget/visitors': () => ({ ...login(guest), status: 201 }),
    });
    await access.start({ identityToken: null, page: null });
    await access.startVisitor();
    storage.set('support-chat.widget.outbox.g1', '[{"clientMessageId":"x"}]');
    await access.logout();
    expect(session.get()).toBeNull();
    expect(storage.get('support-chat.widget.outbox.g1')).toBeNull();
    expect(calls.find((c) => c.path === '/users/logout')?.body).toEqual({
      refreshToken: 'r-g1-1',
    });
  });
});
