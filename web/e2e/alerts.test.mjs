// End-to-end: an agent's reply while the widget's panel is closed puts the unread count in the host
// page's title (through the loader), opening the panel gives the title back, and the widget's bell
// turns these alerts off.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, launchBrowser, screenshot, startServer } from './harness.mjs';

const WAIT_MS = 20_000;
let server;
let browser;

before(async () => {
  server = await startServer({ env: { WIDGET_VISITORS: 'off' } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function adminReply(chatName, content) {
  const login = await fetch(`${server.baseUrl}/api/v1/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  }).then((r) => r.json());
  const auth = {
    'Content-Type': 'application/json',
    Authorization: `Bearer ${login.data.accessToken}`,
  };
  const chats = await fetch(`${server.baseUrl}/api/v1/chats/admin/all?q=${chatName}`, {
    headers: auth,
  }).then((r) => r.json());
  await fetch(`${server.baseUrl}/api/v1/chats/${chats.data.chats[0]._id}/messages`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ content }),
  });
}

async function titleBecomes(page, predicate) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const title = await page.title();
    if (predicate(title)) return title;
    if (Date.now() > deadline) throw new Error(`title stayed '${title}'`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('reply alerts', () => {
  it('counts replies in the host title while the panel is closed, and can be turned off', async () => {
    const name = `Alma${Date.now()}`;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    const original = await page.title();
    const widget = page.frameLocator('iframe[data-support-chat]');
    await widget.getByRole('button', { name: /Open support chat/ }).click();
    await widget.getByRole('button', { name: 'Create an account', exact: true }).click();
    await widget.getByLabel('Your name').fill(name);
    await widget.getByLabel('Email').fill(`${name.toLowerCase()}@example.com`);
    await widget.getByLabel('Password').fill('a-long-password-1');
    await widget.getByRole('button', { name: 'Create account' }).click();
    await widget.getByLabel('Message').fill('Anyone there?');
    await widget.getByRole('button', { name: 'Start conversation' }).click();
    await widget
      .locator('.sc-msg__text', { hasText: 'Anyone there?' })
      .waitFor({ timeout: WAIT_MS });
    const bell = widget.getByRole('button', { name: 'Sound and title alerts for replies' });
    assert.equal(await bell.getAttribute('aria-pressed'), 'true');
    await screenshot(page, 'widget-alerts-360');

    await widget.getByRole('button', { name: 'Close chat' }).click();
    await adminReply(name, 'Yes, here!');
    assert.equal(await titleBecomes(page, (t) => t !== original), `(1) ${original}`);

    await widget.getByRole('button', { name: /Open support chat/ }).click();
    await widget.locator('.sc-msg__text', { hasText: 'Yes, here!' }).waitFor({ timeout: WAIT_MS });
    await titleBecomes(page, (t) => t === original);

    await bell.click();
    assert.equal(await bell.getAttribute('aria-pressed'), 'false');
    await widget.getByRole('button', { name: 'Close chat' }).click();
    await adminReply(name, 'Second reply');
    await widget
      .getByRole('button', { name: /Open support chat.*1/ })
      .waitFor({ timeout: WAIT_MS });
    assert.equal(await page.title(), original, 'alerts off: the title is left alone');
    await context.close();
  });
});
