/** The dashboard's single-key shortcuts (issue 16 §5), decided as a pure function of the key event. */

export type ShortcutAction =
  'next' | 'previous' | 'assign' | 'resolve' | 'replies' | 'note' | 'help';

/** Every shortcut, for the `?` dialog (what each does: `shortcuts.<action>` in the catalogue). */
export const SHORTCUTS: readonly { key: string; action: ShortcutAction }[] = [
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'a', action: 'assign' },
  { key: 'e', action: 'resolve' },
  { key: '/', action: 'replies' },
  { key: 'n', action: 'note' },
  { key: '?', action: 'help' },
];

/** The parts of a KeyboardEvent the decision needs (tests pass plain objects). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
  target: EventTarget | null;
  defaultPrevented?: boolean;
}

/** Inputs that take no typed text: a shortcut pressed on one of them still counts. */
const NOT_TEXT = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
]);

/** True while the keys are someone's typing: a text field, a list box, editable content. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLInputElement && NOT_TEXT.has(el.type)) return false;
  return (
    el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null
  );
}

/**
 * The action of a key press, or null: never while typing in a field, never with Ctrl, Cmd or Alt
 * (the browser's and the system's shortcuts stay theirs). Shift only as part of `?`.
 */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.defaultPrevented || event.isComposing) return null;
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  if (event.key === '?') return 'help';
  if (event.shiftKey) return null;
  return SHORTCUTS.find((s) => s.key === event.key)?.action ?? null;
}

/** The chat j or k moves to in the list; null at either end or when the list is empty. */
export function neighbour(
  ids: readonly string[],
  current: string | null,
  step: 1 | -1,
): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at === -1) return step === 1 ? (ids[0] ?? null) : (ids[ids.length - 1] ?? null);
  return ids[at + step] ?? null;
}
