// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applyAppearance } from './appearance';

describe('the host appearance on the widget root', () => {
  it('forces the theme and puts the brand colour with readable text in the tokens', () => {
    const root = document.createElement('div');
    applyAppearance(root, { theme: 'dark', color: '#ffdd00' });
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.getPropertyValue('--sc-accent')).toBe('#ffdd00');
    expect(root.style.getPropertyValue('--sc-accent-text')).toBe('#000000');
    expect(root.style.getPropertyValue('--sc-own-read')).toBe('#000000');
  });

  it('changes nothing without a theme or a colour', () => {
    const root = document.createElement('div');
    applyAppearance(root, { theme: null, color: null });
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(root.getAttribute('style')).toBeNull();
  });
});
