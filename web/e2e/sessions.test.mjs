// End-to-end, issue 13: the server disconnects a socket when its access token expires, so the
// widget and the dashboard hand the server a fresh token on the same connection before that.
// With 70-second access tokens, a conversation goes on past two expiries without either page
// opening a second websocket (a reconnect would) or losing a live message.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, launchBrowser, startServer } from './harness.mjs';

const WAIT_MS = 15_000;
const TOKEN_SECONDS = 70;

let server;
let browser;

before(async () => {
  server = await startServer({
    env: { WIDGET_VISITORS: 'off', ACCESS_TOKEN_EXPIRY: `${TOKEN_SECONDS}s` },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page that records the websockets it opens and the ones that close. */
async function watchedPage(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const sockets = { opened: 0, closed: 0 };
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/socket.io/')) return;
    sockets.opened += 1;
    ws.on('close', () => (sockets.closed += 1));
  });
  await page.goto(url);
  return { context, page, sockets };
}

const msg = (root, text) => root.locator('.sc-msg__text', { hasText: text });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('sockets outlive their access tokens by renewing them', () => {
  const id = `${Date.now()}`;
  let user;
  let adminSide;
  let widget;

  it('a user and an admin start talking', async () => {
    adminSide = await watchedPage(`${server.baseUrl}/admin/support`);
    await adminSide.page.getByLabel('Email').fill(admin.email);
    await adminSide.page.getByLabel('Password').fill(admin.password);
    await adminSide.page.getByRole('button', { name: 'Sign in' }).click();
    await adminSide.page
      .getByRole('navigation', { name: 'Support chats' })
      .waitFor({ timeout: WAIT_MS });

    user = await watchedPage(`${server.baseUrl}/`);
    widget = user.page.frameLocator('iframe[data-support-chat]');
    await widget.getByRole('button', { name: /Open support chat/ }).click();
    await widget.getByRole('button', { name: 'Create an account', exact: true }).click();
    await widget.getByLabel('Your name').fill(`Rene ${id}`);
    await widget.getByLabel('Email').fill(`rene.${id}@example.com`);
    await widget.getByLabel('Password').fill('a-long-password-1');
    await widget.getByRole('button', { name: 'Create account' }).click();
    await widget.getByLabel('Message').waitFor({ timeout: WAIT_MS });
    await widget.getByLabel('Message').fill(`Before expiry ${id}`);
    await widget.getByRole('button', { name: 'Start conversation' }).click();
    await msg(widget, `Before expiry ${id}`).waitFor({ timeout: WAIT_MS });
    const item = adminSide.page.locator('.scd-item', { hasText: `Rene ${id}` });
    await item.getByRole('link').click({ timeout: WAIT_MS });
    await msg(adminSide.page, `Before expiry ${id}`).waitFor({ timeout: WAIT_MS });
  });

  it('after two token lifetimes both pages still get live messages on their first socket', async () => {
    await sleep(2 * TOKEN_SECONDS * 1000 + 5_000);
    await adminSide.page.getByLabel('Reply').fill(`After expiry ${id}`);
    await adminSide.page.getByLabel('Reply').press('Enter');
    await msg(widget, `After expiry ${id}`).waitFor({ timeout: WAIT_MS });
    await widget.getByLabel('Message').fill(`Still here ${id}`);
    await widget.getByLabel('Message').press('Enter');
    await msg(adminSide.page, `Still here ${id}`).waitFor({ timeout: WAIT_MS });
    assert.deepEqual(user.sockets, { opened: 1, closed: 0 });
    assert.deepEqual(adminSide.sockets, { opened: 1, closed: 0 });
  });
});
