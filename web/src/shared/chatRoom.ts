/**
 * One open conversation, for the widget and the dashboard alike: its messages (fetched pages
 * merged with live events), the outbox of unsent messages, the other side's typing state and
 * read receipts. Framework-free; React reads it through useSyncExternalStore.
 */
import { editMessage } from './api/attachments';
import { fetchMessages, markChatRead } from './api/chats';
import type { ApiClient } from './api/client';
import type { ReadEvent, TypingEvent } from './events';
import { newClientId } from './ids';
import {
  applyReadReceipt,
  catchUpStart,
  clientIdsOf,
  compareMessages,
  markReadLocally,
  mergeMessages,
  withNewestPage,
} from './logic/messages';
import * as outbox from './logic/outbox';
import type { OutboxEntry } from './logic/outbox';
import { countUnread } from './logic/unread';
import type { SocketConnection } from './socket/connection';
import type { Attachment, Message } from './types';
import { t } from './i18n/i18n';

export interface ChatRoomState {
  chatId: string;
  /** Chronological (oldest first). */
  messages: Message[];
  outbox: OutboxEntry[];
  hasMore: boolean;
  loading: boolean;
  loadingOlder: boolean;
  error: string | null;
  otherTyping: boolean;
}

/** The part of SocketConnection a room uses (tests pass a fake). */
export type RealtimeLink = Pick<SocketConnection, 'request' | 'on' | 'onConnected' | 'isConnected'>;

export interface ChatRoomOptions {
  api: ApiClient;
  link: RealtimeLink;
  chatId: string;
  viewerIsAdmin: boolean;
  pageSize?: number;
  /** Unsent messages restored after a reload (the widget persists its outbox). */
  initialOutbox?: OutboxEntry[];
  onOutboxChange?: (entries: OutboxEntry[]) => void;
  /** Every new message from the live stream (not from fetched pages). */
  onLiveMessage?: (message: Message) => void;
}

const PAGE_SIZE = 30;
/** A lost "stop typing" must not leave the indicator on forever. */
const TYPING_EXPIRY_MS = 6000;
/** How often "typing" is re-announced while the person keeps typing. */
const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 2500;
/** The API's largest page: a catch-up closes a gap in as few requests as possible. */
const CATCH_UP_PAGE_SIZE = 100;
/**
 * Forward pages a catch-up reads before giving up on the gap: past that, the newest page is
 * shown instead and the person scrolls back with "load older".
 */
const MAX_CATCH_UP_PAGES = 10;
/** How far before the synced point a catch-up starts reading (see catchUpStart). */
const CATCH_UP_MARGIN_MS = 5000;

export class ChatRoom {
  private state: ChatRoomState;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private readonly options: ChatRoomOptions;
  private cursor: string | null = null;
  /**
   * The newest message up to which the room knows it has everything. Only REST pages move it:
   * after a Redis outage the live stream resumes before support_resync arrives, so a live
   * message (or the ack of an own send) can be newer than messages missed meanwhile.
   */
  private synced: Message | null = null;
  /** The tail of the catch-ups run so far: they run one at a time. */
  private catchUps: Promise<void> = Promise.resolve();
  /** A catch-up queued and not started yet; later requests join it. */
  private waitingCatchUp: Promise<void> | null = null;
  private connects = 0;
  private flushing = false;
  private disposed = false;
  private typingExpiry: ReturnType<typeof setTimeout> | undefined;
  private ownTypingIdle: ReturnType<typeof setTimeout> | undefined;
  private ownTypingSentAt = 0;
  private markingRead = false;

  constructor(options: ChatRoomOptions) {
    this.options = options;
    this.state = {
      chatId: options.chatId,
      messages: [],
      outbox: (options.initialOutbox ?? []).filter((e) => e.chatId === options.chatId),
      hasMore: false,
      loading: true,
      loadingOlder: false,
      error: null,
      otherTyping: false,
    };
  }

  getState = (): ChatRoomState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Subscribes to the live stream and loads the newest page; undone by dispose(). */
  start(): void {
    this.disposed = false;
    this.connects = 0;
    const { link } = this.options;
    this.cleanups.push(
      link.on('new_support_message', this.onMessage),
      link.on('support_message_edited', this.onEdited),
      link.on('support_messages_read', this.onRead),
      link.on('user_typing_support', this.onTyping),
      link.on('support_resync', this.onResync),
      link.onConnected(this.onConnected),
    );
    // While the first page is loading, a catch-up is that load (see readMissed).
    void this.catchUp().then(() => this.flush());
  }

  dispose(): void {
    this.disposed = true;
    this.stopTyping();
    clearTimeout(this.typingExpiry);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.options.link.isConnected()) {
      void this.options.link.request('leave_support_chat', { chatId: this.options.chatId });
    }
  }

  async loadOlder(): Promise<void> {
    const before = this.cursor;
    if (!this.state.hasMore || this.state.loadingOlder || !before) return;
    this.set({ loadingOlder: true });
    try {
      const page = await fetchMessages(this.options.api, this.options.chatId, {
        limit: this.options.pageSize ?? PAGE_SIZE,
        before,
      });
      // A catch-up showed the newest page meanwhile: this older page would leave a hole.
      if (this.cursor !== before) {
        this.set({ loadingOlder: false });
        return;
      }
      this.cursor = page.nextCursor;
      this.set({
        messages: mergeMessages(this.state.messages, page.messages),
        hasMore: page.hasMore,
        loadingOlder: false,
      });
    } catch (error) {
      this.set({ loadingOlder: false, error: describe(error) });
    }
  }

  /**
   * Queues a message (words, uploaded files or both) and sends it now if connected; returns its
   * clientMessageId.
   */
  send(content: string, isInternalNote = false, attachments: Attachment[] = []): string | null {
    const text = content.trim();
    if (!text && attachments.length === 0) return null;
    const clientMessageId = newClientId();
    this.stopTyping();
    this.setOutbox(
      outbox.enqueue(this.state.outbox, {
        clientMessageId,
        chatId: this.options.chatId,
        content: text,
        isInternalNote,
        createdAt: new Date().toISOString(),
        ...(attachments.length > 0 ? { attachments } : {}),
      }),
    );
    void this.flush();
    return clientMessageId;
  }

  /**
   * The sender changes a message's words; resolves with the server's refusal (e.g. after the
   * edit window) as a sentence, or null when saved.
   */
  async edit(messageId: string, content: string): Promise<string | null> {
    try {
      const edited = await editMessage(this.options.api, this.options.chatId, messageId, content);
      this.set({ messages: mergeMessages(this.state.messages, [edited]) });
      return null;
    } catch (error) {
      return describe(error);
    }
  }

  retry(clientMessageId: string): void {
    this.setOutbox(outbox.retry(this.state.outbox, clientMessageId));
    void this.flush();
  }

  discard(clientMessageId: string): void {
    this.setOutbox(outbox.discard(this.state.outbox, clientMessageId));
  }

  /**
   * Called while the conversation is on screen: marks the other side's messages read. `force`
   * tells the server even when no loaded message is unread (its counter may say otherwise).
   */
  markRead(force = false): void {
    const { viewerIsAdmin, chatId, link, api } = this.options;
    if (this.markingRead || (!force && countUnread(this.state.messages, viewerIsAdmin) === 0))
      return;
    this.markingRead = true;
    this.set({ messages: markReadLocally(this.state.messages, viewerIsAdmin) });
    const done = () => {
      this.markingRead = false;
    };
    if (link.isConnected()) {
      void link.request('mark_support_messages_read', { chatId }).finally(done);
    } else {
      markChatRead(api, chatId)
        .catch(() => undefined)
        .finally(done);
    }
  }

  /** Call on every keystroke; announces typing at most every few seconds, stops when idle. */
  typing(): void {
    const { link, chatId } = this.options;
    const now = Date.now();
    if (now - this.ownTypingSentAt > TYPING_REPEAT_MS && link.isConnected()) {
      this.ownTypingSentAt = now;
      void link.request('support_typing_start', { chatId });
    }
    clearTimeout(this.ownTypingIdle);
    this.ownTypingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping(): void {
    clearTimeout(this.ownTypingIdle);
    if (this.ownTypingSentAt === 0) return;
    this.ownTypingSentAt = 0;
    if (this.options.link.isConnected()) {
      void this.options.link.request('support_typing_stop', { chatId: this.options.chatId });
    }
  }

  /**
   * Runs catch-ups one at a time (two would interleave their pages and move the synced point
   * out of order); a request made while one is waiting to start joins it, since that one will
   * read everything committed before it starts. Never rejects.
   */
  private catchUp(): Promise<void> {
    this.waitingCatchUp ??= this.catchUps.then(() => {
      this.waitingCatchUp = null;
      return this.readMissed().catch(() => undefined);
    });
    this.catchUps = this.waitingCatchUp;
    return this.waitingCatchUp;
  }

  /**
   * Reads forward from a little before the synced point. With nothing synced yet (the first
   * load, an empty chat) or a gap too large to read, shows the newest page instead.
   */
  private async readMissed(): Promise<void> {
    if (this.disposed) return;
    const start =
      this.synced && !this.state.loading
        ? catchUpStart(this.state.messages, this.synced, CATCH_UP_MARGIN_MS)
        : null;
    if (!start || !(await this.readForward(start._id))) await this.showNewestPage();
    this.reconcileOutbox();
  }

  /**
   * Merges the pages after `since`, moving the synced point; false when the gap is larger than
   * MAX_CATCH_UP_PAGES pages (true once nothing is left to read, or the room was disposed).
   */
  private async readForward(since: string): Promise<boolean> {
    let after = since;
    for (let i = 0; i < MAX_CATCH_UP_PAGES; i += 1) {
      const page = await fetchMessages(this.options.api, this.options.chatId, {
        limit: CATCH_UP_PAGE_SIZE,
        since: after,
      });
      if (this.disposed) return true;
      this.set({ messages: mergeMessages(this.state.messages, page.messages) });
      const last = page.messages.at(-1);
      if (last) {
        this.markSynced(last);
        after = last._id;
      }
      if (!page.hasMore) return true;
    }
    return false;
  }

  /** The first page, or a fresh start after a gap too large to read: the newest page. */
  private async showNewestPage(): Promise<void> {
    try {
      const page = await fetchMessages(this.options.api, this.options.chatId, {
        limit: this.options.pageSize ?? PAGE_SIZE,
      });
      if (this.disposed) return;
      this.cursor = page.nextCursor;
      this.synced = page.messages[0] ?? null;
      this.set({
        messages: withNewestPage(this.state.messages, page.messages),
        hasMore: page.hasMore,
        loading: false,
        error: null,
      });
    } catch (error) {
      this.set({ loading: false, error: describe(error) });
    }
  }

  private markSynced(message: Message): void {
    if (!this.synced || compareMessages(message, this.synced) > 0) this.synced = message;
  }

  private readonly onConnected = (): void => {
    this.connects += 1;
    const reconnect = this.connects > 1;
    void (async () => {
      await this.options.link.request('join_support_chat', { chatId: this.options.chatId });
      // After a reconnect: fetch what was missed first, so the outbox does not resend a
      // message the server already stored (it would be deduplicated, but not shown twice).
      if (reconnect || this.state.error) await this.catchUp();
      await this.flush();
    })();
  };

  private readonly onResync = (): void => {
    void this.catchUp();
  };

  private readonly onMessage = (message: Message): void => {
    if (message.chat !== this.options.chatId) return;
    const isNew = !this.state.messages.some((m) => m._id === message._id);
    const fromOtherSide = message.sender.isAdmin !== this.options.viewerIsAdmin;
    this.set({
      messages: mergeMessages(this.state.messages, [message]),
      otherTyping: fromOtherSide ? false : this.state.otherTyping,
    });
    this.reconcileOutbox();
    if (isNew) this.options.onLiveMessage?.(message);
  };

  private readonly onEdited = (event: { chatId: string; message: Message }): void => {
    if (event.chatId !== this.options.chatId) return;
    // Only a message on screen: an edit of one not loaded yet arrives with its page.
    if (!this.state.messages.some((m) => m._id === event.message._id)) return;
    this.set({ messages: mergeMessages(this.state.messages, [event.message]) });
  };

  private readonly onRead = (event: ReadEvent): void => {
    if (event.chatId !== this.options.chatId) return;
    this.set({ messages: applyReadReceipt(this.state.messages, event) });
  };

  private readonly onTyping = (event: TypingEvent): void => {
    if (event.chatId !== this.options.chatId) return;
    if (event.isAdmin === this.options.viewerIsAdmin) return;
    clearTimeout(this.typingExpiry);
    if (event.isTyping) {
      this.typingExpiry = setTimeout(() => this.set({ otherTyping: false }), TYPING_EXPIRY_MS);
    }
    this.set({ otherTyping: event.isTyping });
  };

  /** Sends queued messages one at a time, in order, while connected. */
  private async flush(): Promise<void> {
    if (this.flushing || this.state.loading) return;
    this.flushing = true;
    try {
      let next = outbox.sendable(this.state.outbox)[0];
      while (next && !this.disposed && this.options.link.isConnected()) {
        // No answer means the connection is likely broken: the resend waits for a reconnect
        // rather than using up the last attempt on the same dead connection.
        if (!(await this.sendEntry(next))) break;
        next = outbox.sendable(this.state.outbox)[0];
      }
    } finally {
      this.flushing = false;
    }
  }

  /** False when the server did not answer. */
  private async sendEntry(entry: OutboxEntry): Promise<boolean> {
    const id = entry.clientMessageId;
    this.setOutbox(outbox.markSending(this.state.outbox, id));
    const ack = await this.options.link.request('send_support_message', {
      chatId: entry.chatId,
      content: entry.content,
      isInternalNote: entry.isInternalNote,
      clientMessageId: id,
      ...(entry.attachments?.length ? { attachments: entry.attachments.map((a) => a._id) } : {}),
    });
    if (this.disposed) return false;
    if (ack.ok) {
      this.set({ messages: mergeMessages(this.state.messages, [ack.data]) });
      this.setOutbox(outbox.markSent(this.state.outbox, id));
    } else if (ack.error.code === 'timeout') {
      this.setOutbox(outbox.markUnanswered(this.state.outbox, id));
      return false;
    } else {
      this.setOutbox(outbox.markRejected(this.state.outbox, id, ack.error.message));
    }
    return true;
  }

  private reconcileOutbox(): void {
    const next = outbox.reconcile(this.state.outbox, clientIdsOf(this.state.messages));
    if (next.length !== this.state.outbox.length) this.setOutbox(next);
  }

  private setOutbox(entries: OutboxEntry[]): void {
    this.set({ outbox: entries });
    this.options.onOutboxChange?.(entries);
  }

  private set(patch: Partial<ChatRoomState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : t('common.somethingWrong');
}
