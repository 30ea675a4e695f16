// Drives SocketConnection with a fake socket that records what the real socket.io-client would
// be asked to do; the real protocol is exercised by the end-to-end tests against the server.
import { describe, expect, it, vi } from 'vitest';
import { SocketConnection, type SocketFactory, type SupportSocket } from './connection';

type Handler = (...args: unknown[]) => void;
type AuthFn = (cb: (data: object) => void) => void;

class FakeSocket {
  connected = false;
  active = false;
  connectCalls = 0;
  sentTokens: unknown[] = [];
  readonly handlers = new Map<string, Set<Handler>>();
  readonly io = { engine: { close: vi.fn() } };
  readonly emitted: { event: string; payload: unknown }[] = [];
  private readonly auth: AuthFn;

  constructor(options: { auth?: unknown }) {
    this.auth = options.auth as AuthFn;
  }

  on(event: string, fn: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)?.add(fn);
    return this;
  }

  off(event: string, fn: Handler) {
    this.handlers.get(event)?.delete(fn);
    return this;
  }

  connect() {
    this.connectCalls += 1;
    this.active = true;
    this.auth((data) => this.sentTokens.push((data as { token: string }).token));
    return this;
  }

  disconnect() {
    this.connected = false;
    this.active = false;
    return this;
  }

  timeout() {
    return this;
  }

  emitWithAck(event: string, payload: unknown) {
    this.emitted.push({ event, payload });
    return Promise.resolve({ ok: true, data: { echoed: payload } });
  }

  fire(event: string, ...args: unknown[]) {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
}

class FakeWindow {
  private readonly listeners = new Map<string, () => void>();
  addEventListener(type: string, fn: () => void) {
    this.listeners.set(type, fn);
  }
  removeEventListener(type: string) {
    this.listeners.delete(type);
  }
  fire(type: string) {
    this.listeners.get(type)?.();
  }
}

function setup(refreshResults: (boolean | Error)[] = [true]) {
  let token = 'token-1';
  let fake: FakeSocket | undefined;
  const createSocket: SocketFactory = (_url, options) => {
    fake = new FakeSocket(options);
    return fake as unknown as SupportSocket;
  };
  const refresh = vi.fn(async () => {
    const next = refreshResults.shift() ?? false;
    if (next instanceof Error) throw next;
    if (next) token = `token-${Number(token.split('-')[1]) + 1}`;
    return next;
  });
  const win = new FakeWindow();
  const connection = new SocketConnection({
    url: '',
    getToken: () => token,
    refresh,
    createSocket,
    events: win as unknown as Window,
  });
  const statuses: string[] = [];
  connection.onStatus((s) => statuses.push(s));
  if (!fake) throw new Error('socket not created');
  return { connection, socket: fake, refresh, statuses, win };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('SocketConnection', () => {
  it('sends the current access token in auth.token on connect', () => {
    const { connection, socket } = setup();
    connection.connect();
    expect(socket.sentTokens).toEqual(['token-1']);
    expect(connection.getStatus()).toBe('connecting');
  });

  it('refreshes the token and reconnects when the server says unauthorized', async () => {
    const { connection, socket, refresh, statuses } = setup([true]);
    connection.connect();
    socket.active = false; // a middleware refusal stops socket.io's own reconnection
    socket.fire('connect_error', new Error('unauthorized'));
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(socket.sentTokens).toEqual(['token-1', 'token-2']);
    socket.fire('connect');
    expect(statuses).toEqual(['online']);
  });

  it('reports unauthorized when the login cannot be refreshed', async () => {
    const { connection, socket, statuses } = setup([false]);
    connection.connect();
    socket.fire('connect_error', new Error('unauthorized'));
    await flush();
    expect(socket.connectCalls).toBe(1);
    expect(statuses).toEqual(['unauthorized']);
  });

  it('gives up when a fresh token is refused as well, instead of looping', async () => {
    const { connection, socket, refresh, statuses } = setup([true, true, true, true]);
    connection.connect();
    for (let i = 0; i < 4; i += 1) {
      socket.fire('connect_error', new Error('unauthorized'));
      await flush();
    }
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)).toBe('unauthorized');
  });

  it('stays offline (not signed out) when the refresh cannot reach the server', async () => {
    const { connection, socket, statuses } = setup([new Error('network')]);
    connection.connect();
    socket.fire('connect_error', new Error('unauthorized'));
    await flush();
    expect(statuses).toEqual(['offline']);
  });

  it('runs connect listeners on every connect so rooms are joined again', () => {
    const { connection, socket } = setup();
    const joins = vi.fn();
    connection.onConnected(joins);
    connection.connect();
    socket.fire('connect');
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    expect(joins).toHaveBeenCalledTimes(2);
  });

  it('goes offline at once when the browser loses the network', () => {
    const { connection, socket, statuses, win } = setup();
    connection.connect();
    socket.fire('connect');
    win.fire('offline');
    expect(statuses).toEqual(['online', 'offline']);
    expect(socket.io.engine.close).toHaveBeenCalled();
  });

  it('refuses to emit while offline instead of letting socket.io buffer the event', async () => {
    const { connection, socket } = setup();
    const ack = await connection.request('join_support_chat', { chatId: 'c1' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(socket.emitted).toEqual([]);
    connection.connect();
    socket.fire('connect');
    await expect(connection.request('join_support_chat', { chatId: 'c1' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('refreshes after the server drops the connection on purpose', async () => {
    const { connection, socket, refresh } = setup([true]);
    connection.connect();
    socket.fire('connect');
    socket.fire('disconnect', 'io server disconnect');
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(socket.connectCalls).toBe(2);
  });
});

describe('SocketConnection renewal before the access token expires', () => {
  const jwt = (expSeconds: number) =>
    `h.${btoa(JSON.stringify({ exp: expSeconds })).replace(/=+$/, '')}.s`;

  it('reads the expiry of a JWT, and nothing from a token that is not one', async () => {
    const { tokenExpiry } = await import('./connection');
    expect(tokenExpiry(jwt(1_000))).toBe(1_000_000);
    expect(tokenExpiry('not-a-jwt')).toBeNull();
    expect(tokenExpiry(null)).toBeNull();
  });

  it('rotates the tokens a minute before expiry and sends the fresh one on the same socket', async () => {
    vi.useFakeTimers();
    try {
      const now = Date.now();
      let token = jwt(Math.floor(now / 1000) + 15 * 60);
      let fake: FakeSocket | undefined;
      const refresh = vi.fn(async () => {
        token = jwt(Math.floor(Date.now() / 1000) + 15 * 60);
        return true;
      });
      const connection = new SocketConnection({
        url: '',
        getToken: () => token,
        refresh,
        createSocket: (_url, options) => {
          fake = new FakeSocket(options);
          return fake as unknown as SupportSocket;
        },
        events: null,
      });
      connection.connect();
      if (!fake) throw new Error('socket not created');
      fake.fire('connect');
      await vi.advanceTimersByTimeAsync(13 * 60 * 1000);
      expect(refresh).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(60 * 1000 + 1000);
      expect(refresh).toHaveBeenCalledTimes(1);
      expect(fake.emitted).toEqual([{ event: 'support_reauthenticate', payload: { token } }]);
      expect(fake.connectCalls).toBe(1); // no reconnect: the same connection goes on
      connection.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
