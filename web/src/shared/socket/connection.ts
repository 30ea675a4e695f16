/**
 * The one Socket.IO connection of a page. The access token goes in `auth.token` and is read
 * again at every (re)connect; a refusal with 'unauthorized' rotates the tokens and reconnects.
 * The server disconnects a socket when its access token expires, so a minute before that the
 * connection rotates the tokens and hands the fresh one over with `support_reauthenticate`
 * (docs/API.md, "Staying connected"): the socket stays up, nothing is missed.
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../events';
import { t } from '../i18n/i18n';

export type SupportSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

export type SocketFactory = (
  url: string,
  options: Partial<ManagerOptions & SocketOptions>,
) => SupportSocket;

export interface ConnectionOptions {
  /** Server origin; '' for the page's own origin. */
  url: string;
  getToken: () => string | null;
  /** Rotates the tokens; false when the login is gone. May throw on network failure. */
  refresh: () => Promise<boolean>;
  createSocket?: SocketFactory;
  /** Where to listen for the browser's online/offline events (tests pass a fake). */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

/** How many refusals in a row before giving up: one refresh must be enough. */
const MAX_AUTH_RETRIES = 2;
const OFFLINE_RETRY_MS = 3000;
export const ACK_TIMEOUT_MS = 10_000;
/** How long before the access token expires the connection renews it. */
export const RENEW_BEFORE_MS = 60_000;
const RENEW_RETRY_MS = 10_000;

/** When a JWT expires (ms since the epoch), read from its payload; null if it cannot be read. */
export function tokenExpiry(token: string | null): number | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

export class SocketConnection {
  readonly socket: SupportSocket;
  private status: ConnectionStatus = 'connecting';
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private readonly connectListeners = new Set<() => void>();
  private authFailures = 0;
  private closed = false;
  /** The token the server knows this connection by (sent at connect or renewal). */
  private authToken: string | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly options: ConnectionOptions;

  constructor(options: ConnectionOptions) {
    this.options = options;
    const create = options.createSocket ?? ((url, opts) => io(url, opts) as SupportSocket);
    this.socket = create(options.url, {
      autoConnect: false,
      // A function, so each reconnect sends the token current at that moment.
      auth: (cb) => {
        this.authToken = options.getToken();
        cb({ token: this.authToken ?? '' });
      },
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnectionDelayMax: 10_000,
    });
    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onConnectError);
  }

  /** Starts (or restarts after close) the connection; safe to call again. */
  connect(): void {
    if (this.closed) {
      this.closed = false;
      this.authFailures = 0;
      this.setStatus('connecting');
    }
    this.options.events?.addEventListener('offline', this.onBrowserOffline);
    this.options.events?.addEventListener('online', this.onBrowserOnline);
    if (!this.socket.connected) this.socket.connect();
  }

  close(): void {
    this.closed = true;
    this.cancelRenewal();
    this.options.events?.removeEventListener('offline', this.onBrowserOffline);
    this.options.events?.removeEventListener('online', this.onBrowserOnline);
    this.socket.disconnect();
  }

  getStatus(): ConnectionStatus {
    return this.status;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  isConnected(): boolean {
    return this.socket.connected;
  }

  /** Subscribes to a server event; returns the unsubscribe function (for effect cleanups). */
  on<E extends keyof ServerToClientEvents>(
    event: E,
    listener: ServerToClientEvents[E],
  ): () => void {
    const socket = this.socket as unknown as {
      on(ev: E, fn: ServerToClientEvents[E]): void;
      off(ev: E, fn: ServerToClientEvents[E]): void;
    };
    socket.on(event, listener);
    return () => socket.off(event, listener);
  }

  /** Runs on every successful (re)connect: rooms must be joined again on a new connection. */
  onConnected(listener: () => void): () => void {
    this.connectListeners.add(listener);
    if (this.socket.connected) listener();
    return () => this.connectListeners.delete(listener);
  }

  /** Emits with an acknowledgement; a missing answer becomes a 'timeout' error, never a hang. */
  async request<E extends keyof ClientToServerEvents>(
    event: E,
    payload: PayloadOf<E>,
  ): Promise<AckOf<E> | TimeoutAck> {
    // Emitting while disconnected would be buffered by socket.io and sent again on reconnect,
    // next to the outbox's own resend; refuse instead and let the outbox queue it.
    if (!this.socket.connected)
      return { ok: false, error: { code: 'timeout', message: 'Offline' } };
    try {
      const socket = this.socket.timeout(ACK_TIMEOUT_MS);
      // socket.io's typings cannot follow a generic event name through emitWithAck.
      const emit = socket.emitWithAck.bind(socket) as unknown as (
        ev: E,
        p: PayloadOf<E>,
      ) => Promise<AckOf<E>>;
      return await emit(event, payload);
    } catch {
      return { ok: false, error: { code: 'timeout', message: t('common.noAnswer') } };
    }
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }

  private readonly onConnect = (): void => {
    this.authFailures = 0;
    this.setStatus('online');
    this.scheduleRenewal();
    for (const listener of [...this.connectListeners]) listener();
  };

  private readonly onDisconnect = (reason: string): void => {
    this.cancelRenewal();
    if (this.closed) return;
    this.setStatus('offline');
    // The server closed this connection on purpose (e.g. the token expired): socket.io will
    // not reconnect by itself, so refresh the token and come back.
    if (reason === 'io server disconnect') void this.reauthenticate();
  };

  private readonly onConnectError = (error: Error): void => {
    if (this.closed) return;
    if (error.message === 'unauthorized') {
      void this.reauthenticate();
      return;
    }
    // Transport errors: socket.io keeps retrying with backoff while the socket is active.
    this.setStatus('offline');
    if (!this.socket.active) setTimeout(() => this.retryConnect(), OFFLINE_RETRY_MS);
  };

  private async reauthenticate(): Promise<void> {
    this.authFailures += 1;
    if (this.authFailures > MAX_AUTH_RETRIES) {
      this.setStatus('unauthorized');
      return;
    }
    let ok: boolean;
    try {
      ok = await this.options.refresh();
    } catch {
      // Could not reach the server to refresh: stay offline and try again shortly.
      this.authFailures -= 1;
      this.setStatus('offline');
      setTimeout(() => this.retryConnect(), OFFLINE_RETRY_MS);
      return;
    }
    if (!ok) {
      this.setStatus('unauthorized');
      return;
    }
    this.retryConnect();
  }

  private scheduleRenewal(delayMs?: number): void {
    this.cancelRenewal();
    const expiresAt = tokenExpiry(this.authToken);
    if (expiresAt === null && delayMs === undefined) return;
    const wait = delayMs ?? Math.max(0, (expiresAt ?? 0) - Date.now() - RENEW_BEFORE_MS);
    this.renewTimer = setTimeout(() => void this.renew(), wait);
  }

  private cancelRenewal(): void {
    if (this.renewTimer !== null) clearTimeout(this.renewTimer);
    this.renewTimer = null;
  }

  /** Hands the server a fresher token on the open connection (rotating the tokens if needed). */
  private async renew(): Promise<void> {
    this.renewTimer = null;
    if (this.closed || !this.socket.connected) return;
    let token = this.options.getToken();
    // Another tab or a REST call may already have rotated the tokens; otherwise rotate them now.
    if (!token || (tokenExpiry(token) ?? 0) <= (tokenExpiry(this.authToken) ?? 0)) {
      try {
        if (!(await this.options.refresh())) return; // the login is gone: the expiry ends it
      } catch {
        this.scheduleRenewal(RENEW_RETRY_MS);
        return;
      }
      token = this.options.getToken();
    }
    if (!token) return;
    const ack = await this.request('support_reauthenticate', { token });
    if (ack.ok) {
      this.authToken = token;
      this.scheduleRenewal();
    } else if (ack.error.code === 'timeout' && this.socket.connected) {
      this.scheduleRenewal(RENEW_RETRY_MS);
    }
    // Refused: the server disconnects at expiry and the reconnect path signs in afresh.
  }

  private retryConnect(): void {
    if (!this.closed && !this.socket.connected) this.socket.connect();
  }

  // The socket can take ~45 s (ping timeout) to notice a dead network; the browser knows now.
  private readonly onBrowserOffline = (): void => {
    if (this.closed) return;
    this.setStatus('offline');
    this.socket.io.engine?.close();
  };

  private readonly onBrowserOnline = (): void => this.retryConnect();
}

export type PayloadOf<E extends keyof ClientToServerEvents> = Parameters<
  ClientToServerEvents[E]
>[0];
export type AckOf<E extends keyof ClientToServerEvents> = Parameters<
  Parameters<ClientToServerEvents[E]>[1]
>[0];
export type TimeoutAck = { ok: false; error: { code: 'timeout'; message: string } };
export type AnyAck = Ack<unknown> | TimeoutAck;
