// @vitest-environment jsdom
// Renders the shared UI pieces into jsdom with React: text stays text, and Enter sends.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/client';
import { DEFAULT_RULES } from '../logic/attachments';
import type { AttachmentDraft } from '../react/useAttachmentDraft';
import { bob, message } from '../logic/testMessages';
import { Composer } from './Composer';
import { CredentialsFields, useCredentialsForm } from './CredentialsFields';
import { MessageItem } from './MessageItem';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Files are fetched lazily (when seen); these tests look at what is rendered before that. */
const fakeApi = {
  baseUrl: '',
  session: { get: () => null },
  request: () => Promise.reject(new Error('no network in this test')),
  refresh: () => Promise.resolve(false),
} as unknown as ApiClient;

let root: Root | null = null;
let container: HTMLElement | null = null;

function render(node: React.ReactNode): HTMLElement {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root?.render(node));
  return container;
}

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

describe('MessageItem', () => {
  it('renders HTML in a message as visible characters, not as elements', () => {
    const xss = '<img src=x onerror=alert(1)>';
    const el = render(
      <ul>
        <MessageItem
          message={message('m1', 1, { content: xss })}
          own
          viewerIsAdmin={false}
          showSender={false}
        />
      </ul>,
    );
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.sc-msg__text')?.textContent).toBe(xss);
  });

  it('shows ✓ then ✓✓ for own messages, spelled out for screen readers', () => {
    const sent = render(
      <ul>
        <MessageItem message={message('m1', 1)} own viewerIsAdmin={false} showSender={false} />
      </ul>,
    );
    expect(sent.querySelector('.sc-ticks')?.textContent).toBe('✓Sent');
    act(() =>
      root?.render(
        <ul>
          <MessageItem
            message={message('m1', 1, { isReadByAdmin: true })}
            own
            viewerIsAdmin={false}
            showSender={false}
          />
        </ul>,
      ),
    );
    expect(sent.querySelector('.sc-ticks')?.textContent).toBe('✓✓Read');
  });

  it('labels internal notes and never shows ticks on them', () => {
    const el = render(
      <ul>
        <MessageItem
          message={message('n1', 1, { sender: bob, isInternalNote: true })}
          own
          viewerIsAdmin
          showSender
        />
      </ul>,
    );
    expect(el.textContent).toContain('Internal note');
    expect(el.querySelector('.sc-ticks')).toBeNull();
  });

  it('does not link attachments with a javascript: URL', () => {
    const attachments = [
      { _id: 'a', url: 'javascript:alert(1)', fileName: 'evil.pdf', contentType: 'x', size: 1 },
    ];
    const el = render(
      <ul>
        <MessageItem
          message={message('m1', 1, { attachments })}
          own={false}
          viewerIsAdmin={false}
          showSender={false}
          api={fakeApi}
        />
      </ul>,
    );
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toContain('evil.pdf');
  });

  it('names a file with its size, and shows an image as a button that opens it', () => {
    const attachments = [
      {
        _id: 'f',
        url: '/api/v1/chats/c1/attachments/f',
        fileName: 'r.pdf',
        contentType: 'application/pdf',
        size: 2048,
      },
      {
        _id: 'i',
        url: '/api/v1/chats/c1/attachments/i',
        fileName: 'p.png',
        contentType: 'image/png',
        size: 10,
      },
    ];
    const el = render(
      <ul>
        <MessageItem
          message={message('m1', 1, { attachments, content: '' })}
          own={false}
          viewerIsAdmin={false}
          showSender={false}
          api={fakeApi}
        />
      </ul>,
    );
    expect(el.querySelector('a')?.textContent).toBe('r.pdf2 kB');
    expect(el.querySelector('a')?.getAttribute('download')).toBe('r.pdf');
    expect(el.querySelector('button')?.getAttribute('aria-label')).toBe('Open p.png full size');
    // A message of files alone has no empty paragraph.
    expect(el.querySelector('.sc-msg__text')).toBeNull();
  });

  it('edits in place: Escape cancels, Enter saves, and a refusal is shown', async () => {
    const onEdit = vi.fn(() => Promise.resolve('This message can no longer be edited.'));
    const el = render(
      <ul>
        <MessageItem
          message={message('m1', 1)}
          own
          viewerIsAdmin={false}
          showSender={false}
          onEdit={onEdit}
        />
      </ul>,
    );
    const editButton = () =>
      [...el.querySelectorAll('button')].find((b) => b.textContent === 'Edit');
    act(() => editButton()?.click());
    let box = el.querySelector('textarea') as HTMLTextAreaElement;
    expect(box).not.toBeNull();
    act(() => {
      box.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
      );
    });
    expect(el.querySelector('textarea')).toBeNull();
    expect(onEdit).not.toHaveBeenCalled();

    act(() => editButton()?.click());
    box = el.querySelector('textarea') as HTMLTextAreaElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    act(() => {
      setter?.call(box, 'fixed');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      box.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
      );
      await Promise.resolve();
    });
    expect(onEdit).toHaveBeenCalledWith('m1', 'fixed');
    expect(el.querySelector('[role="alert"]')?.textContent).toBe(
      'This message can no longer be edited.',
    );
  });
});

describe('Composer', () => {
  function type(textarea: HTMLTextAreaElement, value: string) {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    act(() => {
      setter?.call(textarea, value);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  function press(textarea: HTMLTextAreaElement, init: KeyboardEventInit) {
    act(() => {
      textarea.dispatchEvent(
        new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }),
      );
    });
  }

  function draft(change: Partial<AttachmentDraft> = {}): AttachmentDraft {
    return {
      files: [],
      refusal: null,
      add: vi.fn(),
      remove: vi.fn(),
      clear: vi.fn(),
      ready: [],
      uploading: false,
      rules: DEFAULT_RULES,
      ...change,
    };
  }

  it('sends files without words, and waits while one is still uploading', () => {
    const onSend = vi.fn(() => true);
    const ready = [
      {
        _id: 'a',
        url: '/api/v1/chats/c/attachments/a',
        fileName: 'a.png',
        contentType: 'image/png',
        size: 5,
      },
    ];
    const files = draft({
      ready,
      uploading: true,
      files: [
        {
          key: 'k',
          name: 'b.pdf',
          size: 2048,
          contentType: 'application/pdf',
          progress: 0.4,
          state: 'uploading',
        },
      ],
    });
    const el = render(<Composer label="Reply" placeholder="" onSend={onSend} files={files} />);
    const send = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Send');
    expect(send?.disabled).toBe(true);
    const bar = el.querySelector('progress');
    expect(bar?.getAttribute('aria-label')).toBe('Uploading b.pdf');
    expect(bar?.value).toBe(40);
    expect(el.querySelector('[aria-label="Remove b.pdf"]')).not.toBeNull();

    const done = draft({ ready });
    act(() => root?.render(<Composer label="Reply" placeholder="" onSend={onSend} files={done} />));
    press(el.querySelector('textarea') as HTMLTextAreaElement, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('');
    expect(done.clear).toHaveBeenCalled();
  });

  it('takes pasted files and leaves pasted text alone', () => {
    const files = draft();
    const el = render(<Composer label="Reply" placeholder="" onSend={() => true} files={files} />);
    const textarea = el.querySelector('textarea') as HTMLTextAreaElement;
    const file = new File(['x'], 'shot.png', { type: 'image/png' });
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(paste, { clipboardData: { files: [file] } });
    act(() => {
      textarea.dispatchEvent(paste);
    });
    expect(files.add).toHaveBeenCalledWith([file]);
    expect(paste.defaultPrevented).toBe(true);
    const text = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(text, { clipboardData: { files: [] } });
    act(() => {
      textarea.dispatchEvent(text);
    });
    expect(text.defaultPrevented).toBe(false);
  });

  it('sends on Enter and clears the box', () => {
    const onSend = vi.fn(() => true);
    const el = render(<Composer label="Reply" placeholder="" onSend={onSend} />);
    const textarea = el.querySelector('textarea') as HTMLTextAreaElement;
    type(textarea, 'hello');
    press(textarea, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('hello');
    expect(textarea.value).toBe('');
  });

  it('does not send on Shift+Enter (a new line)', () => {
    const onSend = vi.fn(() => true);
    const el = render(<Composer label="Reply" placeholder="" onSend={onSend} />);
    const textarea = el.querySelector('textarea') as HTMLTextAreaElement;
    type(textarea, 'line one');
    press(textarea, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('keeps the text when sending was refused', () => {
    const el = render(<Composer label="Reply" placeholder="" onSend={() => false} />);
    const textarea = el.querySelector('textarea') as HTMLTextAreaElement;
    type(textarea, 'keep me');
    press(textarea, { key: 'Enter' });
    expect(textarea.value).toBe('keep me');
  });
});

describe('CredentialsFields with useCredentialsForm', () => {
  function SignIn({ send, newAccount }: { send: () => Promise<unknown>; newAccount?: boolean }) {
    const form = useCredentialsForm(send, 'Could not sign in');
    return (
      <form onSubmit={form.onSubmit}>
        <CredentialsFields form={form} emailAutoComplete="email" newAccount={newAccount} />
        {form.error && <p role="alert">{form.error}</p>}
        <button type="submit" disabled={form.busy} />
      </form>
    );
  }

  function fill(el: HTMLElement, label: string, value: string) {
    const input = [...el.querySelectorAll('label')].find((l) => l.textContent === label)
      ?.lastElementChild as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    act(() => {
      setter?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  async function submit(el: HTMLElement) {
    await act(async () => {
      el.querySelector('form')?.dispatchEvent(
        new Event('submit', { bubbles: true, cancelable: true }),
      );
    });
  }

  it('sends what was typed and stays busy while the app replaces the form', async () => {
    const send = vi.fn(() => Promise.resolve());
    const el = render(<SignIn send={send} />);
    fill(el, 'Email', 'ann@example.com');
    fill(el, 'Password', 'secret');
    await submit(el);
    expect(send).toHaveBeenCalledWith({ email: 'ann@example.com', password: 'secret' });
    expect(el.querySelector('button')?.disabled).toBe(true);
  });

  it('shows why sending failed and lets the user try again', async () => {
    const el = render(<SignIn send={() => Promise.reject(new Error('Wrong password'))} />);
    await submit(el);
    expect(el.querySelector('[role="alert"]')?.textContent).toBe('Wrong password');
    expect(el.querySelector('button')?.disabled).toBe(false);
  });

  it('asks a new account for a new password of the minimum length', () => {
    const password = (el: HTMLElement) =>
      el.querySelector('input[type="password"]') as HTMLInputElement;
    const signIn = render(<SignIn send={() => Promise.resolve()} />);
    expect(password(signIn).autocomplete).toBe('current-password');
    expect(password(signIn).minLength).toBe(-1);
    act(() => root?.render(<SignIn send={() => Promise.resolve()} newAccount />));
    expect(password(signIn).autocomplete).toBe('new-password');
    expect(password(signIn).minLength).toBe(8);
  });
});
