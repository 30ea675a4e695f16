// End-to-end: an agent searches what was said from the dashboard's search box; the messages that
// match are listed with the words marked, and a result opens its conversation at that message,
// paging back to it when it is older than the first page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { admin, launchBrowser, screenshot, startServer } from './harness.mjs';

const WAIT_MS = 20_000;

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function api(method, path, body, token) {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  assert.ok(response.ok, `${method} ${path}: ${JSON.stringify(json)}`);
  return json.data;
}

async function person(name) {
  const email = `${name.toLowerCase()}.${Date.now()}@example.com`;
  await api('POST', '/users/register', { email, password: 'a-long-password-1', fullName: name });
  return (await api('POST', '/users/login', { email, password: 'a-long-password-1' })).accessToken;
}

describe('searching what was said', () => {
  it('lists matching messages with the words marked and opens the chat at one', async () => {
    const staff = (await api('POST', '/users/login', admin)).accessToken;
    const rosa = await person('Rosa');
    const chat = await api(
      'POST',
      '/chats/support',
      { subject: 'Parcel', message: 'My parcel with the tracking code ZX-4471 never arrived' },
      rosa,
    );
    // Older than the first page the conversation loads (50 messages): the dashboard pages back.
    for (let i = 0; i < 60; i++) {
      await api('POST', `/chats/${chat._id}/messages`, { content: `Filler message ${i}` }, rosa);
    }
    await api(
      'POST',
      `/chats/${chat._id}/messages`,
      { content: 'Courier confirmed the parcel is lost; refund it', isInternalNote: true },
      staff,
    );

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/admin/support`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('searchbox').fill('zx-4471');
    const hits = page.getByRole('region', { name: 'In messages' });
    await hits.getByText('1 message mentions “zx-4471”.').waitFor({ timeout: WAIT_MS });
    assert.deepEqual(await hits.locator('mark').allTextContents(), ['ZX', '4471']);
    await page
      .getByText('No chat’s subject, name or email matches “zx-4471”.')
      .waitFor({ timeout: WAIT_MS });

    await page.getByRole('searchbox').fill('parcel');
    await hits.getByText('2 messages mention “parcel”.').waitFor({ timeout: WAIT_MS });
    const note = hits.getByRole('link', { name: /Internal note by/ });
    await note.waitFor({ timeout: WAIT_MS });
    await assertAccessible(page, 'the dashboard with message search results');
    await screenshot(page, 'search-results-1280');

    // The oldest result: 60 messages back, past the first page.
    await hits.getByRole('link', { name: /tracking code/ }).click();
    await page.getByText('The message you searched for is marked below.').waitFor({
      timeout: WAIT_MS,
    });
    const found = page.locator('.sc-msg--found');
    assert.match(await found.textContent(), /ZX-4471 never arrived/);
    assert.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('sc-msg--found')),
      true,
      'focus moves to the message',
    );
    assert.match(page.url(), /\/chat\/[^/]+\/message\/[^/]+$/);
    await assertAccessible(page, 'a conversation opened at a search result');
    await screenshot(page, 'search-opened-1280');

    // A phone: the results and the opened message fit without sideways scrolling.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.baseUrl}/admin/support`);
    await page.getByRole('searchbox').fill('refund');
    await hits.getByText('1 message mentions “refund”.').waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'search-results-360');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    assert.equal(overflow, false, 'no sideways scrolling at 360 px');
    await context.close();
  });
});
