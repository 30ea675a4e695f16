// End-to-end: a user (widget on the demo page) and an admin (dashboard) in two browser contexts
// against the real server. Steps of one scenario share state and run in order. Guests are off on
// this server, so the widget falls back to the account form (visitors and the host's signed-in
// users are in identity.test.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, launchBrowser, screenshot, startServer } from './harness.mjs';

const WAIT_MS = 15_000;
const XSS = '<img src=x onerror=alert(1)>';

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

/** A fresh user page on the demo site, with the widget open. */
async function openUserPage(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // What the widget's frame connects to, and whether the page's CSP refused anything.
  const sockets = [];
  const refusals = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refusals.push(m.text());
  });
  await page.goto(`${server.baseUrl}/`);
  const widget = page.frameLocator('iframe[data-support-chat]');
  await widget.getByRole('button', { name: /Open support chat/ }).click();
  return { context, page, widget, dialogs, sockets, refusals };
}

async function register(widget, name, email) {
  await widget.getByRole('button', { name: 'Create an account', exact: true }).click();
  await widget.getByLabel('Your name').fill(name);
  await widget.getByLabel('Email').fill(email);
  await widget.getByLabel('Password').fill('a-long-password-1');
  await widget.getByRole('button', { name: 'Create account' }).click();
  await widget.getByLabel('Subject (optional)').waitFor({ timeout: WAIT_MS });
  // The form that had the focus is gone: the focus stays in the panel, not on the page.
  assert.equal(
    await widget.locator('#scw-panel').evaluate((p) => p.contains(document.activeElement)),
    true,
    'the focus is in the panel after signing in',
  );
}

async function openAdminPage(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${server.baseUrl}/admin/support`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Support chats' }).waitFor({ timeout: WAIT_MS });
  return { context, page, dialogs };
}

/** A message bubble (not the sidebar preview) containing the text. */
const msg = (root, text) => root.locator('.sc-msg__text', { hasText: text });

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

describe('a user and an admin talk through the widget and the dashboard', () => {
  const id = unique();
  const userName = `Ursula ${id}`;
  let user;
  let adminSide;

  it('the admin is signed in before the user writes', async () => {
    adminSide = await openAdminPage();
  });

  it('the user registers in the widget and sends a first message with an XSS string', async () => {
    user = await openUserPage();
    await register(user.widget, userName, `ursula.${id}@example.com`);
    // So Escape still closes the panel after signing in, and the bubble opens it again.
    await user.page.keyboard.press('Escape');
    await user.widget.locator('#scw-panel').waitFor({ state: 'detached', timeout: WAIT_MS });
    await user.widget.getByRole('button', { name: /Open support chat/ }).click();
    await user.widget.getByLabel('Subject (optional)').fill('Parcel never arrived');
    await user.widget.getByLabel('Message').fill(`Hello ${XSS}`);
    await user.widget.getByRole('button', { name: 'Start conversation' }).click();
    await msg(user.widget, `Hello ${XSS}`).waitFor({ timeout: WAIT_MS });
  });

  it("the widget's frame talks over a websocket to its own origin under connect-src 'self'", async () => {
    const frame = await fetch(`${server.baseUrl}/widget.html`);
    assert.match(frame.headers.get('content-security-policy') ?? '', /connect-src 'self';/);
    const origin = server.baseUrl.replace(/^http/, 'ws');
    assert.ok(
      user.sockets.some(
        (url) => url.startsWith(`${origin}/socket.io/`) && /transport=websocket/.test(url),
      ),
      `websockets opened: ${JSON.stringify(user.sockets)}`,
    );
    assert.deepEqual(user.refusals, []);
  });

  it('the chat appears live in the admin sidebar and opens', async () => {
    const item = adminSide.page.locator('.scd-item', { hasText: userName });
    await item.waitFor({ timeout: WAIT_MS });
    await item.getByRole('link').click();
    await msg(adminSide.page, `Hello ${XSS}`).waitFor({ timeout: WAIT_MS });
  });

  it('renders the XSS string as text on both sides', async () => {
    assert.equal(await adminSide.page.locator('.sc-msgs img').count(), 0);
    assert.equal(await user.widget.locator('.sc-msgs img').count(), 0);
    assert.deepEqual(user.dialogs, []);
    assert.deepEqual(adminSide.dialogs, []);
  });

  it('shows typing indicators on both sides', async () => {
    await user.widget.getByLabel('Message').pressSequentially('still wait', { delay: 30 });
    await adminSide.page.getByText(`${userName} is typing…`).waitFor({ timeout: WAIT_MS });
    await adminSide.page.getByLabel('Reply').pressSequentially('Checking', { delay: 30 });
    await user.widget.getByText(/is typing…/).waitFor({ timeout: WAIT_MS });
    await user.widget.getByLabel('Message').fill('');
    await adminSide.page.getByLabel('Reply').fill('');
  });

  it('the admin replies, the user sees it, and the admin sees ✓✓', async () => {
    await adminSide.page.getByLabel('Reply').fill('We are on it!');
    await adminSide.page.getByLabel('Reply').press('Enter');
    await msg(user.widget, 'We are on it!').waitFor({ timeout: WAIT_MS });
    const reply = adminSide.page.locator('.sc-msg--own', { hasText: 'We are on it!' });
    await reply.locator('.sc-ticks--read').waitFor({ timeout: WAIT_MS });
  });

  it('an internal note shows for the admin and never in the user’s page', async () => {
    const page = adminSide.page;
    await page.getByRole('checkbox', { name: 'Internal note' }).check();
    await page.getByRole('textbox', { name: 'Internal note' }).fill('Secret: refund approved');
    await page.getByRole('textbox', { name: 'Internal note' }).press('Enter');
    await page
      .locator('.sc-msg--note', { hasText: 'Secret: refund approved' })
      .waitFor({ timeout: WAIT_MS });
    // One note at a time: the mode goes back to replying by itself, and says so.
    await page
      .getByText('Note added. The next message is a reply to the user again.')
      .waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getByRole('checkbox', { name: 'Internal note' }).isChecked(), false);
    await page.getByLabel('Reply').fill('A public message after the note');
    await page.getByLabel('Reply').press('Enter');
    await msg(user.widget, 'A public message after the note').waitFor({ timeout: WAIT_MS });
    assert.equal(await user.widget.getByText('Secret').count(), 0);
    await user.page.reload();
    await user.page
      .frameLocator('iframe[data-support-chat]')
      .getByText('A public message after the note')
      .waitFor({ timeout: WAIT_MS });
    assert.equal(
      await user.page.frameLocator('iframe[data-support-chat]').getByText('Secret').count(),
      0,
    );
    user.widget = user.page.frameLocator('iframe[data-support-chat]');
  });

  it('the timeline says who took the chat and gave it back; the team is listed once', async () => {
    const page = adminSide.page;
    await page.getByRole('button', { name: 'Assign to me' }).click();
    const notice = (text) => page.locator('.sc-notice', { hasText: text });
    await notice(`Support took the chat`).waitFor({ timeout: WAIT_MS });
    const options = await page
      .getByRole('combobox', { name: 'Assign to another admin' })
      .locator('option')
      .allTextContents()
      .catch(() => []);
    assert.ok(
      !options.some((o) => o.includes('Support')),
      `the assignee is not offered again: ${options.join(', ')}`,
    );
    await page.getByRole('button', { name: 'Unassign' }).click();
    await notice(`Support put the chat back in the queue`).waitFor({ timeout: WAIT_MS });
    await page.getByText('Assigned to: nobody').waitFor({ timeout: WAIT_MS });
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByRole('button', { name: 'Unassign' }).waitFor({ timeout: WAIT_MS });
  });

  it('status changes show on both sides; the priority stays the team’s', async () => {
    const page = adminSide.page;
    await page.getByLabel('Priority', { exact: true }).last().selectOption('urgent');
    await page
      .locator('.scd-item', { hasText: userName })
      .getByText('Urgent')
      .waitFor({ timeout: WAIT_MS });
    await page.getByLabel('Status', { exact: true }).last().selectOption('resolved');
    await page
      .locator('.scd-item', { hasText: userName })
      .getByText('Resolved')
      .waitFor({ timeout: WAIT_MS });
    await user.widget
      .getByText('Your ticket was resolved', { exact: false })
      .waitFor({ timeout: WAIT_MS });
    await page
      .locator('.sc-notice', { hasText: `Support set the status to Resolved` })
      .waitFor({ timeout: WAIT_MS });
    await user.widget.getByText('Ticket: resolved').waitFor({ timeout: WAIT_MS });
    assert.doesNotMatch(
      (await user.widget.locator('.scw-ticket').textContent()) ?? '',
      /priority|urgent/i,
      'the customer never sees the chat’s priority',
    );
    await screenshot(user.page, 'widget-desktop');
    await screenshot(page, 'dashboard-1280');
  });

  it('unread counts: the tab title for the admin, the bubble badge for the user', async () => {
    const page = adminSide.page;
    await page.getByRole('link', { name: 'Statistics' }).click();
    // Other chats on a shared server may be unread too: compare with the count before.
    const titleCount = () =>
      page.evaluate(() => Number(/^\((\d+)\+?\) /.exec(document.title)?.[1] ?? 0));
    const countIs = (n) =>
      page.waitForFunction(
        (want) => Number(/^\((\d+)\+?\) /.exec(document.title)?.[1] ?? 0) === want,
        n,
        {
          timeout: WAIT_MS,
        },
      );
    const before = await titleCount();
    // The statistics are live: the message below counts without pressing Refresh.
    const messagesCard = page
      .getByRole('list', { name: 'Totals' })
      .getByRole('listitem')
      .filter({ hasText: 'Messages' })
      .locator('.scd-totals__value');
    await messagesCard.waitFor({ timeout: WAIT_MS });
    const messagesBefore = Number((await messagesCard.textContent()).replace(/\D/g, ''));
    await user.widget.getByLabel('Message').fill('Are you there?');
    await user.widget.getByLabel('Message').press('Enter');
    await countIs(before + 1);
    await page.waitForFunction(
      (want) =>
        [...document.querySelectorAll('.scd-totals li')].some(
          (li) =>
            li.textContent.includes('Messages') &&
            Number(li.querySelector('.scd-totals__value').textContent.replace(/\D/g, '')) >= want,
        ),
      messagesBefore + 1,
      { timeout: WAIT_MS },
    );

    await user.widget.getByRole('button', { name: 'Close chat' }).click();
    await page.getByRole('link', { name: /^Chats/ }).click();
    await page.locator('.scd-item', { hasText: userName }).getByRole('link').click();
    await countIs(before);
    await page.getByLabel('Reply').fill('Yes, still here');
    await page.getByLabel('Reply').press('Enter');
    await user.widget
      .getByRole('button', { name: /1 unread message/ })
      .waitFor({ timeout: WAIT_MS });
    await user.widget.getByRole('button', { name: /Open support chat/ }).click();
    await msg(user.widget, 'Yes, still here').waitFor({ timeout: WAIT_MS });
    const reply = page.locator('.sc-msg--own', { hasText: 'Yes, still here' });
    await reply.locator('.sc-ticks--read').waitFor({ timeout: WAIT_MS });
  });

  it('the dashboard works at 360 px', async () => {
    const page = adminSide.page;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('link', { name: '← All chats' }).waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'dashboard-360-conversation');
    await page.getByRole('link', { name: '← All chats' }).click();
    await page.locator('.scd-item', { hasText: userName }).waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'dashboard-360-list');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the statistics page draws its charts', async () => {
    const page = adminSide.page;
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page
      .locator('figcaption', { hasText: 'New chats per day' })
      .waitFor({ timeout: WAIT_MS });
    assert.ok((await page.locator('.scd-chart__bar').count()) >= 28);
    await screenshot(page, 'stats');
    await user.context.close();
    await adminSide.context.close();
  });
});

describe('offline outbox', () => {
  const id = unique();
  const userName = `Otto ${id}`;

  it('a message typed offline arrives exactly once when the connection returns', async () => {
    const user = await openUserPage({ width: 360, height: 740 });
    await register(user.widget, userName, `otto.${id}@example.com`);
    await user.widget.getByLabel('Message').fill('First message');
    await user.widget.getByRole('button', { name: 'Start conversation' }).click();
    await msg(user.widget, 'First message').waitFor({ timeout: WAIT_MS });
    await screenshot(user.page, 'widget-360');

    await user.context.setOffline(true);
    await user.widget.locator('.sc-conn--offline').waitFor({ timeout: WAIT_MS });
    await user.widget.getByLabel('Message').fill('Typed in a tunnel');
    await user.widget.getByLabel('Message').press('Enter');
    await user.widget.getByText('Waiting for connection…').waitFor({ timeout: WAIT_MS });
    // Our own clock icon, drawn whatever emoji font the system has (🕓 rendered blank here).
    const icon = await user.widget
      .locator('.sc-msg--pending .sc-icon')
      .evaluate((svg) => svg.getBoundingClientRect().width);
    assert.ok(icon > 8, `the pending icon is drawn (${icon} px wide)`);
    await screenshot(user.page, 'widget-pending-360');
    await user.context.setOffline(false);
    await user.widget
      .locator('.sc-msg:not(.sc-msg--pending)', { hasText: 'Typed in a tunnel' })
      .waitFor({ timeout: 30_000 });

    const adminSide = await openAdminPage();
    await adminSide.page.locator('.scd-item', { hasText: userName }).getByRole('link').click();
    const bubbles = (root) => root.locator('.sc-msg__text', { hasText: 'Typed in a tunnel' });
    await bubbles(adminSide.page).waitFor({ timeout: WAIT_MS });
    await new Promise((r) => setTimeout(r, 1500)); // room for a duplicate to show up, if any
    assert.equal(await bubbles(adminSide.page).count(), 1);
    assert.equal(await bubbles(user.widget).count(), 1);
    await user.page.reload();
    const reloaded = user.page.frameLocator('iframe[data-support-chat]');
    await msg(reloaded, 'First message').waitFor({ timeout: WAIT_MS });
    assert.equal(await bubbles(reloaded).count(), 1);
    // Escape closes the panel and gives the focus back to the bubble.
    await reloaded.getByLabel('Message').press('Escape');
    await reloaded.getByRole('button', { name: /Open support chat/ }).waitFor({ timeout: WAIT_MS });
    assert.equal(await reloaded.locator('#scw-panel').count(), 0);
    await user.context.close();
    await adminSide.context.close();
  });
});

describe('admin sign-in', () => {
  it('refuses a non-admin account clearly', async () => {
    const id = unique();
    const email = `nadia.${id}@example.com`;
    const registered = await fetch(`${server.baseUrl}/api/v1/users/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'a-long-password-1', fullName: 'Nadia' }),
    });
    assert.equal(registered.status, 201);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/admin/support`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a-long-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText('not a support admin', { exact: false })
      .waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getByRole('navigation', { name: 'Support chats' }).count(), 0);
    await context.close();
  });
});
