// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { neighbour, shortcutFor, SHORTCUTS, type KeyLike } from './shortcuts';

const press = (key: string, more: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  target: document.body,
  ...more,
});

describe('shortcutFor', () => {
  it('maps each documented key to its action', () => {
    expect(SHORTCUTS.map((s) => shortcutFor(press(s.key, { shiftKey: s.key === '?' })))).toEqual(
      SHORTCUTS.map((s) => s.action),
    );
  });

  it('fires nothing while typing in a field', () => {
    for (const tag of ['input', 'textarea', 'select']) {
      const field = document.createElement(tag);
      document.body.append(field);
      expect(shortcutFor(press('j', { target: field })), tag).toBeNull();
      expect(shortcutFor(press('?', { target: field, shiftKey: true })), tag).toBeNull();
      field.remove();
    }
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    const inner = document.createElement('span');
    editable.append(inner);
    document.body.append(editable);
    expect(shortcutFor(press('e', { target: inner }))).toBeNull();
    editable.remove();
  });

  it('still fires on a checkbox or a button, which take no typed text', () => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    const button = document.createElement('button');
    document.body.append(box, button);
    expect(shortcutFor(press('n', { target: box }))).toBe('note');
    expect(shortcutFor(press('j', { target: button }))).toBe('next');
    box.remove();
    button.remove();
  });

  it('fires nothing with Ctrl, Cmd or Alt, and Shift only as part of ?', () => {
    expect(shortcutFor(press('j', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('a', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('e', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('J', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help');
  });

  it('ignores other keys, handled events and IME composition', () => {
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('Enter'))).toBeNull();
    expect(shortcutFor(press('j', { defaultPrevented: true }))).toBeNull();
    expect(shortcutFor(press('j', { isComposing: true }))).toBeNull();
  });
});

describe('neighbour', () => {
  const ids = ['a', 'b', 'c'];
  it('moves down and up the list and stops at its ends', () => {
    expect(neighbour(ids, 'a', 1)).toBe('b');
    expect(neighbour(ids, 'b', -1)).toBe('a');
    expect(neighbour(ids, 'c', 1)).toBeNull();
    expect(neighbour(ids, 'a', -1)).toBeNull();
  });

  it('starts at the first (j) or last (k) chat when none in the list is open', () => {
    expect(neighbour(ids, null, 1)).toBe('a');
    expect(neighbour(ids, 'gone', -1)).toBe('c');
    expect(neighbour([], null, 1)).toBeNull();
  });
});
