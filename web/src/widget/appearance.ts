/** Applies the host's data-theme and data-color (passed by the loader) to the widget's root. */
import { readableOn } from '../shared/logic/contrast';
import { frameOptionsFrom, type Appearance, type FrameOptions } from './embed/protocol';

/**
 * The brand colour replaces the accent everywhere it is a fill (bubble, header, buttons, own
 * messages), each with black or white text, whichever reads (always at least 4.5:1). Links keep
 * the theme's own accent: a pale brand colour would not read as text on the page.
 */
export function applyAppearance(root: HTMLElement, { theme, color }: Appearance): void {
  if (theme) root.dataset.theme = theme;
  if (!color) return;
  const text = readableOn(color);
  // --sc-own and --sc-own-text follow the accent (base.css); the read ticks take the text colour.
  for (const [token, value] of [
    ['--sc-accent', color],
    ['--sc-accent-text', text],
    ['--sc-own-read', text],
  ] as const)
    root.style.setProperty(token, value);
}

/** The appearance and language in this iframe's address, if the loader put them there. */
export function optionsOfThisFrame(): FrameOptions {
  return frameOptionsFrom(window.location.search);
}
