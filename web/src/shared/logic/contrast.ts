/**
 * Colours chosen by someone else (a label's, a host site's brand): whether a value is a colour we
 * accept, and a text colour that stays readable on it (WCAG 2 contrast).
 */

/** #rrggbb, the form labels are stored in. */
export const HEX6 = /^#[0-9a-fA-F]{6}$/;
/** What a host may write in data-color: a CSS hex colour without transparency. */
const HEX3_OR_6 = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** The colour as lowercase #rrggbb, or null when it is not #rgb or #rrggbb. */
export function parseHexColour(value: unknown): string | null {
  if (typeof value !== 'string' || !HEX3_OR_6.test(value.trim())) return null;
  const hex = value.trim().slice(1).toLowerCase();
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return `#${full}`;
}

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG 2 contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Black or white, whichever contrasts more with the background. One of them always reaches at
 * least 4.58:1, so text on any colour passes WCAG AA.
 */
export function readableOn(background: string): '#000000' | '#ffffff' {
  if (!HEX6.test(background)) return '#000000';
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
    ? '#000000'
    : '#ffffff';
}
