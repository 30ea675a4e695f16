import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHexColour, readableOn } from './contrast';

describe('brand colours', () => {
  it('accepts #rgb and #rrggbb, trimmed and lowercased', () => {
    expect(parseHexColour('#0A7')).toBe('#00aa77');
    expect(parseHexColour(' #2251D1 ')).toBe('#2251d1');
  });

  it('refuses anything that is not a plain hex colour', () => {
    for (const bad of [
      'red',
      '2251d1',
      '#2251d',
      '#2251d1ff',
      '#abcd',
      'url(x)',
      '#fff;background:url(//evil)',
      'var(--x)',
      '',
      42,
      null,
    ])
      expect(parseHexColour(bad), String(bad)).toBeNull();
  });

  it('keeps text at AA (4.5:1) on every colour, light, mid or dark', () => {
    // Every 17th step of each channel: 4,096 colours including the hard mid-greys and yellows.
    for (let r = 0; r < 256; r += 17)
      for (let g = 0; g < 256; g += 17)
        for (let b = 0; b < 256; b += 17) {
          const hex = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          expect(contrastRatio(hex, readableOn(hex)), hex).toBeGreaterThanOrEqual(4.5);
        }
  });
});
