/** Label colours: a text colour that stays readable on any #rrggbb, and the check the server makes. */

export const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** The colours offered for a new label (all readable with black or white text). */
export const PALETTE = ['#2f6fde', '#177245', '#b42318', '#c9a400', '#7a3fbf', '#5b6475'];

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with the background. */
export function readableOn(background: string): '#000000' | '#ffffff' {
  if (!COLOUR.test(background)) return '#000000';
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
