// @vitest-environment jsdom
// The hours page against a fake API: admins get a form to save, agents read the same settings.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient } from '../../shared/api/client';
import type { BusinessHoursSettings } from '../../shared/api/hours';
import { HoursPage } from './HoursPage';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

const settings: BusinessHoursSettings = {
  timeZone: 'Europe/Paris',
  weekly: {
    monday: [{ opens: '09:00', closes: '17:00' }],
    tuesday: [],
    wednesday: [],
    thursday: [],
    friday: [],
    saturday: [],
    sunday: [],
  },
  holidays: ['2026-12-25'],
  autoReply: 'Back {back}.',
  businessHoursStats: false,
};

function fakeApi(role: 'admin' | 'agent', put: (body: unknown) => Promise<unknown>) {
  const request = vi.fn((method: string, path: string, options?: { body?: unknown }) => {
    if (path === '/team') return Promise.resolve({ me: { role } });
    if (path === '/business-hours/status')
      return Promise.resolve({ open: true, alwaysOpen: false, nextOpenAt: null, timeZone: 'UTC' });
    if (method === 'PUT') return put(options?.body);
    return Promise.resolve(settings);
  });
  return { api: { request } as unknown as ApiClient, request };
}

async function render(api: ApiClient): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root?.render(<HoursPage api={api} />));
  await act(async () => Promise.resolve());
  return container;
}

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

describe('HoursPage', () => {
  it('lets an admin close a day and save, and says it saved', async () => {
    const { api, request } = fakeApi('admin', (body) => Promise.resolve(body));
    const el = await render(api);
    expect(el.textContent).toContain('The team is within its business hours now.');
    const monday = el.querySelector<HTMLInputElement>('input[aria-label="Open on Monday"]');
    expect(monday?.checked).toBe(true);
    await act(async () => monday?.click());
    await act(async () => el.querySelector('form')?.requestSubmit());
    const put = request.mock.calls.find((c) => c[0] === 'PUT');
    expect((put?.[2] as { body: BusinessHoursSettings }).body.weekly.monday).toEqual([]);
    expect(el.textContent).toContain('Business hours saved.');
  });

  it('shows the server’s sentence when saving is refused', async () => {
    const { api } = fakeApi('admin', () =>
      Promise.reject(new ApiError(400, 'invalid', 'Opening spans overlap on Monday.')),
    );
    const el = await render(api);
    await act(async () => el.querySelector('form')?.requestSubmit());
    expect(el.querySelector('[role=status].sc-error')?.textContent).toBe(
      'Opening spans overlap on Monday.',
    );
  });

  it('shows agents the settings read-only', async () => {
    const { api } = fakeApi('agent', () => Promise.reject(new Error('not called')));
    const el = await render(api);
    expect(el.textContent).toContain('Only admins of the team can change business hours.');
    expect(el.querySelector('fieldset')?.disabled).toBe(true);
    expect(el.querySelector('button[type=submit]')).toBeNull();
    // The holiday in the page's language (English here), not as the ISO date the server keeps.
    expect(el.textContent).toContain('Dec 25, 2026');
  });
});
