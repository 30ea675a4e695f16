// @vitest-environment jsdom
// The rating prompt against a fake API: each state has its sentence, and the request is what was chosen.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient } from '../shared/api/client';
import type { Rating, RatingState } from '../shared/types';
import { RatingPrompt } from './RatingPrompt';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

const rating = (score: number): Rating => ({
  _id: 'r1',
  chatId: 'c1',
  score,
  comment: '',
  admin: null,
  resolvedAt: '2026-12-06T10:00:00Z',
  createdAt: '2026-12-06T10:05:00Z',
});

function fakeApi(states: RatingState[], post: () => Promise<Rating>) {
  const calls: { method: string; path: string; body?: unknown }[] = [];
  let reads = 0;
  const api = {
    request: vi.fn((method: string, path: string, options?: { body?: unknown }) => {
      calls.push({ method, path, body: options?.body });
      if (method === 'GET') return Promise.resolve(states[Math.min(reads++, states.length - 1)]);
      return post();
    }),
  } as unknown as ApiClient;
  return { api, calls };
}

async function render(api: ApiClient): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root?.render(<RatingPrompt api={api} chatId="c1" />));
  return container;
}

async function submit(el: HTMLElement) {
  await act(async () => el.querySelector('form')?.requestSubmit());
}

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

describe('RatingPrompt', () => {
  it('asks, needs a choice, and sends the score with the comment', async () => {
    const { api, calls } = fakeApi([{ canRate: true, rating: null, history: [] }], () =>
      Promise.resolve(rating(4)),
    );
    const el = await render(api);
    expect(el.querySelector('legend')?.textContent).toContain('How did we do?');
    expect(el.querySelectorAll('input[type=radio]')).toHaveLength(5);

    await submit(el);
    expect(el.textContent).toContain('Choose a rating from 1 to 5 first.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    const four = el.querySelectorAll<HTMLInputElement>('input[type=radio]')[3];
    await act(async () => four?.click());
    const textarea = el.querySelector('textarea') as HTMLTextAreaElement;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setter?.call(textarea, '  Great help  ');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submit(el);
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/chats/c1/rating',
      body: { score: 4, comment: 'Great help' },
    });
    expect(el.textContent).toContain(
      'Thank you for your rating! You rated this conversation 4 out of 5.',
    );
  });

  it('shows an earlier rating of this resolution instead of asking', async () => {
    const { api } = fakeApi([{ canRate: false, rating: rating(5), history: [] }], () =>
      Promise.reject(new Error('not called')),
    );
    const el = await render(api);
    expect(el.querySelector('form')).toBeNull();
    expect(el.textContent).toBe('You rated this conversation 5 out of 5.');
  });

  it('shows nothing for a chat that cannot be rated', async () => {
    const { api } = fakeApi([{ canRate: false, rating: null, history: [] }], () =>
      Promise.reject(new Error('not called')),
    );
    const el = await render(api);
    expect(el.textContent).toBe('');
  });

  it('after a conflict (rated in another tab) shows the stored rating', async () => {
    const { api } = fakeApi(
      [
        { canRate: true, rating: null, history: [] },
        { canRate: false, rating: rating(2), history: [] },
      ],
      () => Promise.reject(new ApiError(409, 'conflict', 'You already rated this conversation')),
    );
    const el = await render(api);
    await act(async () => el.querySelectorAll<HTMLInputElement>('input[type=radio]')[0]?.click());
    await submit(el);
    await act(async () => Promise.resolve());
    expect(el.textContent).toBe('You rated this conversation 2 out of 5.');
  });

  it('says so when the rating could not be sent, and keeps the form', async () => {
    const { api } = fakeApi([{ canRate: true, rating: null, history: [] }], () =>
      Promise.reject(new ApiError(0, 'network', 'offline')),
    );
    const el = await render(api);
    await act(async () => el.querySelectorAll<HTMLInputElement>('input[type=radio]')[2]?.click());
    await submit(el);
    expect(el.textContent).toContain(
      'Your rating could not be sent. Please try again in a moment.',
    );
    expect(el.querySelector('form')).not.toBeNull();
  });
});
