import { describe, expect, it } from 'vitest';
import { COLOUR, luminance, PALETTE, readableOn } from './colours';

const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

describe('label colours', () => {
  it('picks black on light colours and white on dark ones', () => {
    expect(readableOn('#ffffff')).toBe('#000000');
    expect(readableOn('#fff4c2')).toBe('#000000');
    expect(readableOn('#000000')).toBe('#ffffff');
    expect(readableOn('#2251d1')).toBe('#ffffff');
  });

  it('keeps every colour of the palette at 4.5:1 or better with its text', () => {
    for (const c of PALETTE) expect(contrast(c, readableOn(c)), c).toBeGreaterThanOrEqual(4.5);
  });

  it('accepts #rrggbb only, as the server does', () => {
    expect(COLOUR.test('#2F6fde')).toBe(true);
    for (const bad of ['2f6fde', '#2f6fd', '#2f6fdee', 'red', '#ggg000'])
      expect(COLOUR.test(bad)).toBe(false);
    expect(readableOn('not a colour')).toBe('#000000');
  });
});
