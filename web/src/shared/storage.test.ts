import { describe, expect, it } from 'vitest';
import { createSafeStorage } from './storage';

function fakeStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('createSafeStorage', () => {
  it('uses localStorage when it works', () => {
    const backing = fakeStorage();
    const store = createSafeStorage(() => backing);
    store.set('a', '1');
    expect(store.persistent).toBe(true);
    expect(backing.getItem('a')).toBe('1');
    expect(store.get('a')).toBe('1');
  });

  it('falls back to memory when accessing localStorage throws', () => {
    const store = createSafeStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(store.persistent).toBe(false);
    store.set('a', '1');
    expect(store.get('a')).toBe('1');
    store.remove('a');
    expect(store.get('a')).toBeNull();
  });

  it('keeps values in memory when writes start failing (quota)', () => {
    const backing = fakeStorage();
    const store = createSafeStorage(() => backing);
    backing.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    backing.getItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    store.set('k', 'v');
    expect(store.get('k')).toBe('v');
  });
});
