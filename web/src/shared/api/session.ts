/** The signed-in session (tokens + user), persisted in a KeyValueStore and observable. */
import type { KeyValueStore } from '../storage';
import type { LoginResult, TokenPair, User } from '../types';

export interface SessionData extends TokenPair {
  user: User | null;
}

type Listener = (data: SessionData | null) => void;

function parse(raw: string | null): SessionData | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<SessionData>;
    if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string')
      return null;
    return {
      accessToken: value.accessToken,
      refreshToken: value.refreshToken,
      user: value.user ?? null,
    };
  } catch {
    return null;
  }
}

export class Session {
  private data: SessionData | null;
  private readonly listeners = new Set<Listener>();
  private readonly storage: KeyValueStore;
  readonly key: string;

  constructor(storage: KeyValueStore, key: string) {
    this.storage = storage;
    this.key = key;
    this.data = parse(storage.get(key));
  }

  /** Same object until the session changes, so React can use it as an external store snapshot. */
  get(): SessionData | null {
    return this.data;
  }

  start(result: LoginResult): void {
    this.write({
      accessToken: result.accessToken,
      refreshToken: result.refreshToken,
      user: result.user,
    });
  }

  setTokens(tokens: TokenPair): void {
    this.write({ ...tokens, user: this.data?.user ?? null });
  }

  setUser(user: User): void {
    if (this.data) this.write({ ...this.data, user });
  }

  clear(): void {
    this.write(null);
  }

  /**
   * Another tab of the same origin may have rotated the tokens; re-reading storage before a
   * refresh avoids presenting an already-rotated refresh token (which revokes the whole login).
   */
  reload(): void {
    const fresh = parse(this.storage.get(this.key));
    if (JSON.stringify(fresh) !== JSON.stringify(this.data)) {
      this.data = fresh;
      this.emit();
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(data: SessionData | null): void {
    this.data = data;
    if (data) this.storage.set(this.key, JSON.stringify(data));
    else this.storage.remove(this.key);
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener(this.data);
  }
}
