// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../shared/storage';
import { applyTheme, loadThemeChoice, parseThemeChoice, saveThemeChoice } from './theme';

describe('dashboard theme', () => {
  it('remembers light or dark, and forgets the choice for system', () => {
    const storage = createMemoryStore();
    expect(loadThemeChoice(storage)).toBe('system');
    saveThemeChoice('dark', storage);
    expect(loadThemeChoice(storage)).toBe('dark');
    saveThemeChoice('system', storage);
    expect(storage.get('support-chat.admin.theme')).toBeNull();
  });

  it('reads anything unknown as the system theme', () => {
    expect(parseThemeChoice('sepia')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('light')).toBe('light');
  });

  it('sets data-theme only for a forced theme', () => {
    const root = document.createElement('html');
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('system', root);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});
