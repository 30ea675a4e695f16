/**
 * How the widget gets its session, one step at a time: settings, then the stored session
 * (refreshed), the host's identity token, or a guest session started when the person opens the
 * chat; also sign-out and the page context reported to agents. Framework-free and observable, so
 * React reads it with useSyncExternalStore and tests drive it with a fake server.
 */
import { ApiError, type ApiClient } from '../shared/api/client';
import { fetchMe, logout as endSession } from '../shared/api/users';
import { fetchWidgetConfig, identify, saveContext, startVisitor } from '../shared/api/widget';
import { rememberMessageRules } from '../shared/react/useMessageRules';
import type { KeyValueStore } from '../shared/storage';
import type { WidgetConfig } from '../shared/types';
import {
  anonymousEntry,
  buildContext,
  identifyPlan,
  refusalSentence,
  type Entry,
} from './accessRules';
import type { HostPage } from './embed/protocol';
import { saveOutbox } from './persisted';
import { t } from '../shared/i18n/i18n';

export interface AccessState {
  /** `starting` until the first decision; `busy` while signing in or starting a guest session. */
  phase: 'starting' | 'ready' | 'busy' | 'failed';
  /** What the person is told while busy. */
  busyText: string | null;
  config: WidgetConfig | null;
  /** What the panel offers when there is no session. */
  entry: Entry;
  /** The last refusal, as a sentence for the person. */
  error: string | null;
}

export interface Environment {
  language?: string;
  timeZone?: string;
}

type Listener = () => void;

export class WidgetAccess {
  private state: AccessState = {
    phase: 'starting',
    busyText: null,
    config: null,
    entry: 'account',
    error: null,
  };
  private readonly listeners = new Set<Listener>();
  /** Steps run one after another: a sign-in never races a refresh or a sign-out. */
  private queue: Promise<void> = Promise.resolve();
  private started = false;
  private pendingToken: string | null = null;
  private page: HostPage | null = null;
  private reported: string | null = null;
  private readonly api: ApiClient;
  private readonly storage: KeyValueStore;
  private readonly environment: Environment;

  constructor(api: ApiClient, storage: KeyValueStore, environment: Environment) {
    this.api = api;
    this.storage = storage;
    this.environment = environment;
    // A session from another tab, or the end of one, may need the context again.
    api.session.subscribe(() => this.reportContext());
  }

  getState = (): AccessState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Once, when the loader said hello (or at once outside an iframe). */
  start(hello: { identityToken: string | null; page: HostPage | null }): Promise<void> {
    if (this.started) {
      // A hello after the timeout (slow host page): its token still counts.
      if (hello.page) this.setPage(hello.page);
      return hello.identityToken ? this.identify(hello.identityToken) : this.queue;
    }
    this.started = true;
    this.pendingToken = hello.identityToken ?? this.pendingToken;
    if (hello.page) this.page = hello.page;
    return this.run(() => this.bootstrap());
  }

  /** "Try again" after the start failed. */
  retry(): Promise<void> {
    return this.run(() => this.bootstrap());
  }

  identify(token: string): Promise<void> {
    // Before the start it waits for the settings and the stored session like the page's token.
    if (!this.started || this.state.phase === 'starting' || this.state.phase === 'failed') {
      this.pendingToken = token;
      return this.queue;
    }
    return this.run(() => this.signIn(token));
  }

  /** Resolves true when a session exists afterwards. */
  startVisitor(details: { name?: string; email?: string } = {}): Promise<boolean> {
    let ok = false;
    return this.run(async () => {
      ok = await this.beginVisit(details);
    }).then(() => ok);
  }

  logout(): Promise<void> {
    return this.run(async () => {
      const userId = this.api.session.get()?.user?._id;
      this.pendingToken = null;
      await endSession(this.api);
      // Nothing of the person who left stays behind in this browser.
      if (userId) saveOutbox(this.storage, userId, []);
      this.set({ error: null });
    });
  }

  /** Where the person is on the host site (the loader tells; the iframe cannot see it). */
  setPage(page: HostPage): void {
    this.page = page;
    this.reportContext();
  }

  private run(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step).catch((error: unknown) => {
      // Steps handle their refusals; this is a bug, still told to the person.
      this.set({ phase: 'ready', busyText: null, error: refusalSentence(error, 'start') });
    });
    return this.queue;
  }

  private async bootstrap(): Promise<void> {
    this.set({ phase: 'starting', error: null });
    let config: WidgetConfig | null = null;
    try {
      config = await fetchWidgetConfig(this.api);
      rememberMessageRules(config.messages);
    } catch (error) {
      // A server without the widget API has accounts only; anything else is worth a retry.
      if (!(error instanceof ApiError && error.code === 'not_found')) {
        this.set({ phase: 'failed', error: refusalSentence(error, 'start') });
        return;
      }
    }
    this.set({ config, entry: anonymousEntry(config) });
    if (this.api.session.get()) {
      let alive = true;
      try {
        alive = await this.api.refresh();
      } catch {
        // Offline: the stored session stays; the connection banner says what is going on.
      }
      // The stored user may predate a merge or a change of name: ask who this is now.
      if (alive) await fetchMe(this.api).catch(() => undefined);
    }
    const token = this.pendingToken;
    this.pendingToken = null;
    this.set({ phase: 'ready' });
    if (token) await this.signIn(token);
    this.reportContext();
  }

  private async signIn(token: string): Promise<void> {
    const current = this.api.session.get();
    const plan = identifyPlan(current?.user ?? null, token);
    if (plan === 'keep') return;
    this.set({ phase: 'busy', busyText: t('widget.signingIn'), error: null });
    let asVisitor = false;
    if (plan === 'merge') {
      // A fresh access token: an expired one would be ignored and nothing merged.
      asVisitor = await this.api.refresh().catch(() => false);
    }
    try {
      await identify(this.api, token, asVisitor);
      if (plan === 'replace' && current) this.forget(current.refreshToken);
      this.set({ phase: 'ready', busyText: null, error: null });
    } catch (error) {
      // The host says someone else is signed in now; never keep showing the previous verified
      // user's conversation because the new token was refused.
      if (plan === 'replace' && current?.user?.kind === 'verified') await endSession(this.api);
      this.set({ phase: 'ready', busyText: null, error: refusalSentence(error, 'identify') });
    }
    this.reportContext();
  }

  private async beginVisit(details: { name?: string; email?: string }): Promise<boolean> {
    if (this.api.session.get()) return true;
    this.set({ phase: 'busy', busyText: t('widget.startingConversation'), error: null });
    try {
      await startVisitor(this.api, details);
      this.set({ phase: 'ready', busyText: null });
      this.reportContext();
      return true;
    } catch (error) {
      const visitorsOff = error instanceof ApiError && error.code === 'forbidden';
      this.set({
        phase: 'ready',
        busyText: null,
        error: refusalSentence(error, 'visitor'),
        ...(visitorsOff ? { entry: 'account' as const } : {}),
      });
      return false;
    }
  }

  /** Revokes a replaced session's refresh token; failing only leaves it to expire. */
  private forget(refreshToken: string): void {
    this.api
      .request('POST', '/users/logout', { body: { refreshToken }, auth: false })
      .catch(() => undefined);
  }

  private reportContext(): void {
    const session = this.api.session.get();
    const user = session?.user;
    if (!session || !user || user.isAdmin || this.state.phase === 'starting') return;
    const context = buildContext(this.page, this.environment.language, this.environment.timeZone);
    const key = `${user._id}\n${JSON.stringify(context)}`;
    if (key === this.reported) return;
    this.reported = key;
    // Background information for the agents: a failure costs nothing the person needs to know.
    saveContext(this.api, context).catch(() => {
      if (this.reported === key) this.reported = null;
    });
  }

  private set(change: Partial<AccessState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of [...this.listeners]) listener();
  }
}
