/** Key/value storage that falls back to memory when localStorage is unavailable or throws. */

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** True when values survive a reload (real localStorage). */
  readonly persistent: boolean;
}

export function createMemoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    persistent: false,
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

/**
 * localStorage throws in sandboxed iframes, with third-party storage blocked, in some private
 * modes and when the quota is full; a chat must still work there, only without persistence.
 */
export function createSafeStorage(
  getStorage: () => Storage = () => window.localStorage,
): KeyValueStore {
  let backing: Storage;
  try {
    backing = getStorage();
    const probe = '__support_chat_probe__';
    backing.setItem(probe, '1');
    backing.removeItem(probe);
  } catch {
    return createMemoryStore();
  }
  // Even a working localStorage can throw later (quota), so each call keeps a memory copy.
  const memory = createMemoryStore();
  return {
    persistent: true,
    get(key) {
      try {
        return backing.getItem(key);
      } catch {
        return memory.get(key);
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        backing.setItem(key, value);
      } catch {
        /* keep the in-memory copy */
      }
    },
    remove(key) {
      memory.remove(key);
      try {
        backing.removeItem(key);
      } catch {
        /* nothing to clean up */
      }
    },
  };
}
