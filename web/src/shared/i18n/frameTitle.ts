/**
 * The widget iframe's title (what a screen reader on the host page announces), per language. The
 * loader sets it before any catalogue exists and must stay tiny, so it carries these few words
 * itself; catalogues.test.ts checks every language has one.
 */
import type { Locale } from './locales';

export const FRAME_TITLES: Record<Locale, string> = {
  en: 'Support chat',
  de: 'Support-Chat',
  fr: 'Chat d’assistance',
  es: 'Chat de soporte',
  ar: 'دردشة الدعم',
};
