import { describe, expect, it } from 'vitest';
import { hostTitle, shouldSound, titleCount } from './alerts';

const away = { open: false, visible: true };
const hidden = { open: true, visible: false };
const looking = { open: true, visible: true };

describe('alerts', () => {
  it('sounds for a new reply while the panel is closed or the tab hidden, if alerts are on', () => {
    expect(shouldSound(true, away, 0, 1)).toBe(true);
    expect(shouldSound(true, hidden, 1, 2)).toBe(true);
    expect(shouldSound(true, looking, 0, 1)).toBe(false);
    expect(shouldSound(false, away, 0, 1)).toBe(false);
    expect(shouldSound(true, away, 2, 2)).toBe(false);
    expect(shouldSound(true, away, 2, 0)).toBe(false);
  });

  it('puts the count in the title only while the person is not looking', () => {
    expect(titleCount(true, away, 3)).toBe(3);
    expect(titleCount(true, looking, 3)).toBe(0);
    expect(titleCount(false, away, 3)).toBe(0);
    expect(titleCount(true, hidden, 0)).toBe(0);
  });

  it('prefixes the page title and gives it back unchanged', () => {
    expect(hostTitle('Shop', 2)).toBe('(2) Shop');
    expect(hostTitle('Shop', 120)).toBe('(99+) Shop');
    expect(hostTitle('Shop', 0)).toBe('Shop');
  });
});
