import { afterEach, describe, expect, it, vi } from 'vitest';
import { commonDe } from '../i18n/common/de';
import { commonEn } from '../i18n/common/en';
import { setMessages } from '../i18n/i18n';
import { createMemoryStore } from '../storage';
import { ApiError, buildUrl, createApiClient, toError } from './client';
import { Session } from './session';

interface Call {
  url: string;
  method: string;
  auth: string | null;
  body: unknown;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function ok(data: unknown, status = 200): Response {
  return json(status, { statusCode: status, data, message: 'ok', success: true });
}

function fail(status: number, code: string): Response {
  return json(status, {
    statusCode: status,
    data: null,
    message: `no: ${code}`,
    success: false,
    errors: [{ code, message: code }],
  });
}

/** A fake server: `handler` answers each call; every call is recorded. */
function setup(handler: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const session = new Session(createMemoryStore(), 'test');
  session.start({ accessToken: 'a1', refreshToken: 'r1', user: null as never });
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      auth: headers.Authorization ?? null,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    return handler(call);
  });
  const api = createApiClient({ baseUrl: 'http://s', session, fetchImpl });
  return { api, calls, session };
}

describe('buildUrl', () => {
  it('drops empty query values', () => {
    expect(buildUrl('', '/chats/admin/all', { status: '', q: 'a b', page: 2, x: undefined })).toBe(
      '/api/v1/chats/admin/all?q=a+b&page=2',
    );
  });
});

describe('api client', () => {
  it('unwraps the envelope and sends the bearer token', async () => {
    const { api, calls } = setup(() => ok({ hello: 'world' }));
    await expect(api.request('GET', '/users/me')).resolves.toEqual({ hello: 'world' });
    expect(calls[0]?.auth).toBe('Bearer a1');
    expect(calls[0]?.url).toBe('http://s/api/v1/users/me');
  });

  it('turns an error envelope into an ApiError with the code', async () => {
    const { api } = setup(() => fail(403, 'forbidden'));
    const error = await api.request('GET', '/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('forbidden');
    expect((error as ApiError).status).toBe(403);
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const { api, calls, session } = setup((call) => {
      if (call.url.endsWith('/users/refresh-token'))
        return ok({ accessToken: 'a2', refreshToken: 'r2' });
      return call.auth === 'Bearer a2' ? ok('done') : fail(401, 'unauthorized');
    });
    await expect(api.request('GET', '/chats/support')).resolves.toBe('done');
    expect(calls.map((c) => c.url.replace('http://s/api/v1', ''))).toEqual([
      '/chats/support',
      '/users/refresh-token',
      '/chats/support',
    ]);
    expect(calls[1]?.body).toEqual({ refreshToken: 'r1' });
    expect(calls[1]?.auth).toBeNull();
    expect(session.get()).toMatchObject({ accessToken: 'a2', refreshToken: 'r2' });
  });

  it('shares one refresh between parallel 401s (a rotated token must never be reused)', async () => {
    const { api, calls } = setup(async (call) => {
      if (call.url.endsWith('/users/refresh-token')) {
        await new Promise((r) => setTimeout(r, 5));
        return ok({ accessToken: 'a2', refreshToken: 'r2' });
      }
      return call.auth === 'Bearer a2' ? ok(call.url) : fail(401, 'unauthorized');
    });
    await Promise.all([
      api.request('GET', '/one'),
      api.request('GET', '/two'),
      api.request('GET', '/three'),
    ]);
    expect(calls.filter((c) => c.url.endsWith('/refresh-token'))).toHaveLength(1);
  });

  it('retries only once: a second 401 is returned to the caller', async () => {
    const { api, calls } = setup((call) =>
      call.url.endsWith('/refresh-token')
        ? ok({ accessToken: 'a2', refreshToken: 'r2' })
        : fail(401, 'unauthorized'),
    );
    await expect(api.request('GET', '/x')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(3);
  });

  it('clears the session when the refresh token is rejected', async () => {
    const { api, session } = setup(() => fail(401, 'unauthorized'));
    await expect(api.request('GET', '/x')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(session.get()).toBeNull();
  });

  it('keeps the session when the refresh fails for network reasons', async () => {
    const { api, session } = setup((call) => {
      if (call.url.endsWith('/refresh-token')) throw new TypeError('Failed to fetch');
      return fail(401, 'unauthorized');
    });
    await expect(api.request('GET', '/x')).rejects.toMatchObject({ code: 'network' });
    expect(session.get()).not.toBeNull();
  });

  it('does not refresh for unauthenticated calls such as login', async () => {
    const { api, calls } = setup(() => fail(401, 'unauthorized'));
    await expect(
      api.request('POST', '/users/login', { auth: false, body: {} }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.auth).toBeNull();
  });
});

describe('refusals in the page’s language', () => {
  afterEach(() => setMessages('en', commonEn));

  it('keeps the server’s sentence in English and says the kind of refusal in another language', () => {
    const envelope = {
      success: false,
      message: 'content must be at most 5000 characters.',
      errors: [{ code: 'invalid', message: 'content must be at most 5000 characters.' }],
    };
    expect(toError(400, envelope, null).message).toBe('content must be at most 5000 characters.');
    setMessages('de', commonEn, commonDe);
    expect(toError(400, envelope, null).message).toBe(
      'Das wurde nicht angenommen: content must be at most 5000 characters.',
    );
    const limited = toError(429, { message: 'You are sending messages too fast.' }, '7');
    expect(limited.code).toBe('rate_limited');
    expect(limited.retryAfterSeconds).toBe(7);
    expect(limited.message).toBe(
      'Das ging zu schnell. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    );
    expect(toError(503, {}, null).code).toBe('unavailable');
  });
});
