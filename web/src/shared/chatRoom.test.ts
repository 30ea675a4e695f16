// ChatRoom against an in-memory fake of the server (REST pages + socket events and acks).
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient, RequestOptions } from './api/client';
import { Session } from './api/session';
import { ChatRoom, type RealtimeLink } from './chatRoom';
import type { ServerToClientEvents } from './events';
import { compareMessages } from './logic/messages';
import { alice, bob, message } from './logic/testMessages';
import { createMemoryStore } from './storage';
import type { Message, MessagePage } from './types';

class FakeServer {
  stored: Message[] = [];
  connected = false;
  sent: { event: string; payload: unknown }[] = [];
  /** When set, send acks never arrive (simulates a drop after the emit). */
  swallowSends = false;
  /** Delay of every REST answer, so that tests can act while a request is in flight. */
  restLatencyMs = 0;
  /** The query of every messages request, in order. */
  pageRequests: Record<string, unknown>[] = [];
  restInFlight = 0;
  maxRestInFlight = 0;
  private handlers = new Map<string, Set<(payload: unknown) => void>>();
  private connectListeners = new Set<() => void>();
  private seq = 100;

  link: RealtimeLink = {
    isConnected: () => this.connected,
    on: ((event: string, fn: (payload: unknown) => void) => {
      if (!this.handlers.has(event)) this.handlers.set(event, new Set());
      this.handlers.get(event)?.add(fn);
      return () => this.handlers.get(event)?.delete(fn);
    }) as RealtimeLink['on'],
    onConnected: (fn) => {
      this.connectListeners.add(fn);
      if (this.connected) fn();
      return () => this.connectListeners.delete(fn);
    },
    request: (async (
      event: string,
      payload: { content: string; clientMessageId: string; isInternalNote: boolean },
    ) => {
      if (!this.connected) return { ok: false, error: { code: 'timeout', message: 'Offline' } };
      this.sent.push({ event, payload });
      if (event !== 'send_support_message') return { ok: true, data: null };
      if (this.swallowSends) return { ok: false, error: { code: 'timeout', message: 'no answer' } };
      const existing = this.stored.find((m) => m.clientMessageId === payload.clientMessageId);
      if (existing) return { ok: true, data: existing };
      this.seq += 1;
      const saved = message(`s${this.seq}`, this.seq, {
        content: payload.content,
        clientMessageId: payload.clientMessageId,
        isInternalNote: payload.isInternalNote,
      });
      this.stored.push(saved);
      return { ok: true, data: saved };
    }) as RealtimeLink['request'],
  };

  api: ApiClient = {
    baseUrl: '',
    session: new Session(createMemoryStore(), 'x'),
    refresh: async () => true,
    request: (async <T>(_method: string, path: string, options?: RequestOptions) => {
      if (!path.endsWith('/messages')) return null as T;
      const query = options?.query ?? {};
      this.pageRequests.push(query);
      this.restInFlight += 1;
      this.maxRestInFlight = Math.max(this.maxRestInFlight, this.restInFlight);
      await new Promise((r) => setTimeout(r, this.restLatencyMs));
      this.restInFlight -= 1;
      return this.page(query) as T;
    }) as ApiClient['request'],
  };

  /** Like the server: by creation time then id; `since` reads forward, oldest first. */
  private page(query: Record<string, unknown>): MessagePage {
    const limit = Number(query.limit ?? 50);
    const oldestFirst = [...this.stored].sort(compareMessages);
    const since = query.since as string | undefined;
    const before = query.before as string | undefined;
    const list = since ? oldestFirst : oldestFirst.reverse();
    const cursor = since ?? before;
    const start = cursor ? list.findIndex((m) => m._id === cursor) + 1 : 0;
    if (cursor && start === 0) throw new Error(`no message ${cursor}`);
    const slice = list.slice(start, start + limit);
    return {
      messages: slice,
      hasMore: start + limit < list.length,
      nextCursor: slice.at(-1)?._id ?? null,
    };
  }

  connect() {
    this.connected = true;
    for (const fn of this.connectListeners) fn();
  }

  emit<E extends keyof ServerToClientEvents>(
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ) {
    for (const fn of this.handlers.get(event) ?? []) fn(payload);
  }
}

const settle = (ms = 10) => new Promise((r) => setTimeout(r, ms));
const contents = (room: ChatRoom) => room.getState().messages.map((m) => m.content);
const contentsOf = (list: Message[]) => list.map((m) => m.content);
const forwardReads = (server: FakeServer) => server.pageRequests.filter((q) => q.since).length;

/** `count` messages from the admin, one a minute from `firstMinute`, content = id. */
function fromBob(count: number, firstMinute: number): Message[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `b${firstMinute + i}`;
    return message(id, firstMinute + i, { sender: bob, content: id });
  });
}

function atSecond(id: string, second: number): Message {
  const createdAt = new Date(Date.UTC(2026, 10, 25, 10, 0, second)).toISOString();
  return message(id, 0, { sender: bob, content: id, createdAt, updatedAt: createdAt });
}

const firstMessage = message('m0', 0, { content: 'before' });

/** A room loaded from `stored`, connected. */
async function connectedRoom(stored: Message[]) {
  const server = new FakeServer();
  server.stored = [...stored];
  server.connect();
  const room = roomFor(server);
  await settle();
  return { server, room };
}

const firstRequestInFlight = (server: FakeServer) =>
  vi.waitFor(() => expect(server.restInFlight).toBe(1), { interval: 1 });

function roomFor(server: FakeServer, viewerIsAdmin = false, pageSize = 30) {
  const room = new ChatRoom({
    api: server.api,
    link: server.link,
    chatId: 'c1',
    viewerIsAdmin,
    pageSize,
  });
  room.start();
  return room;
}

describe('ChatRoom', () => {
  it('loads the newest page and older pages on demand, in order', async () => {
    const server = new FakeServer();
    server.stored = [1, 2, 3, 4, 5].map((i) => message(`m${i}`, i, { content: `m${i}` }));
    const room = roomFor(server, false, 2);
    await settle();
    expect(contents(room)).toEqual(['m4', 'm5']);
    expect(room.getState().hasMore).toBe(true);
    await room.loadOlder();
    await room.loadOlder();
    expect(contents(room)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(room.getState().hasMore).toBe(false);
  });

  it('sends a message typed offline exactly once when the connection returns', async () => {
    const server = new FakeServer();
    const room = roomFor(server);
    await settle();
    room.send('hello from the tunnel');
    await settle();
    expect(room.getState().outbox).toHaveLength(1);
    expect(server.sent).toEqual([]);
    server.connect();
    await settle();
    expect(server.sent.filter((s) => s.event === 'send_support_message')).toHaveLength(1);
    expect(room.getState().outbox).toEqual([]);
    expect(contents(room)).toEqual(['hello from the tunnel']);
    // The room echo of the same message changes nothing.
    server.emit('new_support_message', server.stored[0] as Message);
    expect(contents(room)).toEqual(['hello from the tunnel']);
  });

  it('resends an unanswered message once after reconnecting and shows it once', async () => {
    const server = new FakeServer();
    server.connect();
    const room = roomFor(server);
    await settle();
    server.swallowSends = true;
    room.send('are you there?');
    await settle();
    expect(room.getState().outbox[0]).toMatchObject({ state: 'queued', attempts: 1 });
    server.swallowSends = false;
    server.connected = false;
    server.connect();
    await settle();
    expect(server.sent.filter((s) => s.event === 'send_support_message')).toHaveLength(2);
    expect(contents(room)).toEqual(['are you there?']);
    expect(room.getState().outbox).toEqual([]);
  });

  it('joins the room again on every reconnect and catches up on missed messages', async () => {
    const server = new FakeServer();
    server.connect();
    const room = roomFor(server);
    await settle();
    server.connected = false;
    server.stored.push(message('missed', 50, { sender: bob, content: 'missed while offline' }));
    server.connect();
    await settle();
    expect(server.sent.filter((s) => s.event === 'join_support_chat')).toHaveLength(2);
    expect(contents(room)).toEqual(['missed while offline']);
  });

  it('reads every missed message after a reconnect, though a live one arrived first', async () => {
    const { server, room } = await connectedRoom([firstMessage]);
    server.connected = false;
    const missed = fromBob(250, 1);
    const live = message('live', 300, { sender: bob, content: 'live' });
    server.stored.push(...missed, live);
    server.connect();
    server.emit('new_support_message', live);
    await settle(50);
    expect(contents(room)).toEqual(['before', ...contentsOf(missed), 'live']);
  });

  it('catches up on support_resync, though newer messages arrived live after the gap', async () => {
    const { server, room } = await connectedRoom([firstMessage]);
    const missed = fromBob(40, 1);
    const live = fromBob(2, 50);
    server.stored.push(...missed, ...live);
    live.forEach((m) => server.emit('new_support_message', m));
    server.emit('support_resync', undefined);
    await settle(30);
    expect(contents(room)).toEqual(['before', ...contentsOf(missed), ...contentsOf(live)]);
  });

  it('finds a message dated just before the synced point but committed after it', async () => {
    const { server, room } = await connectedRoom([atSecond('a', 0), atSecond('b', 60)]);
    // Sent 2 s before b, stored after the page that showed b was read; its event was lost.
    server.stored.push(atSecond('late', 58));
    server.emit('support_resync', undefined);
    await settle();
    expect(contents(room)).toEqual(['a', 'late', 'b']);
  });

  it('shows the newest page when the gap is larger than a catch-up reads', async () => {
    const { server, room } = await connectedRoom([firstMessage]);
    server.connected = false;
    const missed = fromBob(1100, 1);
    server.stored.push(...missed);
    server.connect();
    await settle(200);
    expect(forwardReads(server)).toBe(10);
    expect(contents(room)).toEqual(contentsOf(missed.slice(-30)));
    expect(room.getState().hasMore).toBe(true);
    await room.loadOlder();
    expect(contents(room)).toEqual(contentsOf(missed.slice(-60)));
  });

  it('runs catch-ups one at a time; resyncs while one waits are read once', async () => {
    const { server, room } = await connectedRoom([firstMessage]);
    server.restLatencyMs = 20;
    const missed = fromBob(150, 1);
    server.stored.push(...missed);
    server.emit('support_resync', undefined);
    await firstRequestInFlight(server);
    server.emit('support_resync', undefined);
    server.emit('support_resync', undefined);
    await settle(200);
    expect(server.maxRestInFlight).toBe(1);
    // The first catch-up reads two pages, the second (for both later resyncs) one.
    expect(forwardReads(server)).toBe(3);
    expect(contents(room)).toEqual(['before', ...contentsOf(missed)]);
  });

  it('stops catching up once disposed', async () => {
    const { server, room } = await connectedRoom([firstMessage]);
    server.restLatencyMs = 20;
    server.stored.push(...fromBob(250, 1));
    server.emit('support_resync', undefined);
    await firstRequestInFlight(server);
    room.dispose();
    await settle(100);
    expect(forwardReads(server)).toBe(1);
  });

  it('shows the other side typing, and not the viewer’s own side', async () => {
    const server = new FakeServer();
    server.connect();
    const room = roomFor(server);
    await settle();
    server.emit('user_typing_support', {
      chatId: 'c1',
      userId: alice._id,
      isAdmin: false,
      isTyping: true,
    });
    expect(room.getState().otherTyping).toBe(false);
    server.emit('user_typing_support', {
      chatId: 'c1',
      userId: bob._id,
      isAdmin: true,
      isTyping: true,
    });
    expect(room.getState().otherTyping).toBe(true);
    server.emit('new_support_message', message('r1', 60, { sender: bob }));
    expect(room.getState().otherTyping).toBe(false);
  });

  it('applies read receipts to own messages (✓✓)', async () => {
    const server = new FakeServer();
    server.stored = [message('m1', 1)];
    server.connect();
    const room = roomFor(server);
    await settle();
    server.emit('support_messages_read', {
      chatId: 'c1',
      readBy: bob._id,
      readerIsAdmin: true,
      readAt: new Date(Date.UTC(2026, 10, 25, 11)).toISOString(),
    });
    expect(room.getState().messages[0]?.isReadByAdmin).toBe(true);
  });

  it('marks the other side’s messages read once, and only when there are some', async () => {
    const server = new FakeServer();
    server.stored = [message('m1', 1, { sender: bob })];
    server.connect();
    const room = roomFor(server);
    await settle();
    room.markRead();
    room.markRead();
    await settle();
    room.markRead();
    expect(server.sent.filter((s) => s.event === 'mark_support_messages_read')).toHaveLength(1);
    expect(room.getState().messages[0]?.isReadByUser).toBe(true);
  });

  it('ignores events of other chats', async () => {
    const server = new FakeServer();
    server.connect();
    const room = roomFor(server);
    await settle();
    server.emit('new_support_message', message('x', 1, { chat: 'other' }));
    expect(room.getState().messages).toEqual([]);
  });
});
