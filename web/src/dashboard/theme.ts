/**
 * The dashboard's colour theme: the system's (prefers-color-scheme) unless the agent chose light
 * or dark, remembered in this browser. base.css switches every colour on <html data-theme>.
 */
import { createSafeStorage, type KeyValueStore } from '../shared/storage';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const THEME_KEY = 'support-chat.admin.theme';

export function parseThemeChoice(value: unknown): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function loadThemeChoice(storage: KeyValueStore = createSafeStorage()): ThemeChoice {
  return parseThemeChoice(storage.get(THEME_KEY));
}

export function saveThemeChoice(
  choice: ThemeChoice,
  storage: KeyValueStore = createSafeStorage(),
): void {
  if (choice === 'system') storage.remove(THEME_KEY);
  else storage.set(THEME_KEY, choice);
}

/** No attribute: the CSS follows the system, live, without any script. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement) {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}
