/**
 * The dashboard's language: the agent's choice, remembered in this browser's storage, else the
 * browser's languages. Choosing one fetches its catalogue and re-renders the app from its root.
 */
import { useSyncExternalStore } from 'react';
import {
  activate,
  browserLanguages,
  currentLocale,
  pickLocale,
  supportedLocale,
  t,
  type Locale,
} from '../shared/i18n/i18n';
import { loadStaff, staffEn } from '../shared/i18n/staff/load';
import type { KeyValueStore } from '../shared/storage';

export const LOCALE_KEY = 'support-chat.admin.locale';

const listeners = new Set<() => void>();

/** The language to start with: the remembered choice, else the browser's. */
export function initialLocale(storage: KeyValueStore): Locale {
  return pickLocale(storage.get(LOCALE_KEY), ...browserLanguages());
}

export async function startLanguage(storage: KeyValueStore): Promise<void> {
  await activate(initialLocale(storage), staffEn, loadStaff, browserLanguages());
  // The sign-in page's tab title; signed in, the app adds the unread count to it.
  document.title = t('dash.title');
}

/** Remembers the choice and switches to it once its catalogue is here. */
export async function chooseLanguage(storage: KeyValueStore, locale: Locale): Promise<void> {
  if (!supportedLocale(locale)) return;
  storage.set(LOCALE_KEY, locale);
  await activate(locale, staffEn, loadStaff, browserLanguages());
  document.title = t('dash.title');
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, currentLocale);
}
