// @vitest-environment jsdom
// The reply box with saved replies, rendered into jsdom: / opens the list, arrows move, Enter
// inserts (variables filled, unknown ones left visible), the next Enter sends.
import { act, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SavedReply } from '../../shared/api/inbox';
import { ReplyComposer, type ReplyComposerHandle } from './ReplyComposer';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

const reply = (shortcut: string, body: string): SavedReply => ({
  _id: shortcut,
  shortcut,
  body,
  unknownVariables: [],
  createdAt: '',
  updatedAt: '',
});

const REPLIES = [
  reply('refund', 'Hi {{user.name}}, your refund for {{order.id}} is on its way. {{agent.name}}'),
  reply('resend', 'We sent it again to {{user.email}}.'),
  reply('thanks', 'Thanks!'),
];

function setup(replies = REPLIES) {
  const onSend = vi.fn(() => true);
  const handle = createRef<ReplyComposerHandle>();
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  act(() =>
    root?.render(
      <ReplyComposer
        handle={handle}
        replies={replies}
        repliesLoaded
        values={{ 'user.name': 'Ana', 'user.email': null, 'agent.name': 'Bo' }}
        note={false}
        onSend={onSend}
        extra={null}
      />,
    ),
  );
  const box = container.querySelector('textarea') as HTMLTextAreaElement;
  return { box, onSend, handle, el: container };
}

function type(box: HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(box: HTMLTextAreaElement, key: string) {
  act(() => {
    box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

const options = (el: HTMLElement) =>
  [...el.querySelectorAll('[role="option"]')].map(
    (o) => o.querySelector('.scd-picker__shortcut')?.textContent,
  );
const selected = (el: HTMLElement) =>
  el.querySelector('[role="option"][aria-selected="true"] .scd-picker__shortcut')?.textContent;

describe('ReplyComposer', () => {
  it('opens on /, filters as you type, and moves with the arrows', () => {
    const { box, el } = setup();
    type(box, '/');
    expect(options(el)).toEqual(['/refund', '/resend', '/thanks']);
    type(box, '/re');
    expect(options(el)).toEqual(['/refund', '/resend']);
    expect(selected(el)).toBe('/refund');
    expect(box.getAttribute('aria-activedescendant')).toBe(
      el.querySelector('[aria-selected="true"]')?.id,
    );
    press(box, 'ArrowDown');
    expect(selected(el)).toBe('/resend');
    press(box, 'ArrowDown');
    expect(selected(el)).toBe('/refund');
    press(box, 'ArrowUp');
    expect(selected(el)).toBe('/resend');
  });

  it('inserts on Enter with variables filled, leaves the others visible, then sends on Enter', () => {
    const { box, el, onSend } = setup();
    type(box, '/ref');
    press(box, 'Enter');
    expect(onSend).not.toHaveBeenCalled();
    expect(box.value).toBe('Hi Ana, your refund for {{order.id}} is on its way. Bo');
    expect(el.querySelector('[role="listbox"]')).toBeNull();
    expect(el.textContent).toContain('Check before sending: {{order.id}} left as written.');
    press(box, 'Enter');
    expect(onSend).toHaveBeenCalledWith('Hi Ana, your refund for {{order.id}} is on its way. Bo');
    expect(box.value).toBe('');
  });

  it('keeps a variable this chat has no value for', () => {
    const { box } = setup();
    type(box, '/resend');
    press(box, 'Enter');
    expect(box.value).toBe('We sent it again to {{user.email}}.');
  });

  it('closes on Escape, and says so kindly when nothing matches or there are none', () => {
    const { box, el, onSend } = setup();
    type(box, '/zzz');
    expect(el.textContent).toContain('No saved reply matches /zzz.');
    type(box, '/');
    press(box, 'Escape');
    expect(el.querySelector('[role="listbox"]')).toBeNull();
    expect(onSend).not.toHaveBeenCalled();
    act(() => root?.unmount());
    container?.remove();
    const empty = setup([]);
    type(empty.box, '/');
    expect(empty.el.textContent).toContain('The team has no saved replies yet.');
  });

  it('opens from the / shortcut without losing a draft', () => {
    const { box, el, handle } = setup();
    act(() => handle.current?.openReplies());
    expect(box.value).toBe('/');
    expect(document.activeElement).toBe(box);
    expect(options(el)).toHaveLength(3);
    type(box, 'a draft');
    act(() => handle.current?.openReplies());
    expect(box.value).toBe('a draft');
  });
});
