// End-to-end, issue 15: the widget on a customer's site of ANOTHER origin (its own port, with a
// tiny backend that signs identity tokens), against a server with an identity secret, guests on
// and the optional pre-chat form. Steps of one scenario share state and run in order.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, freePort, launchBrowser, screenshot, startServer } from './harness.mjs';
import { startHostSite } from './host-site.mjs';

const WAIT_MS = 15_000;
const SECRET = process.env.E2E_IDENTITY_SECRET ?? 'e2e-identity-secret-that-is-long-enough-0123';

let server;
let host;
let browser;

before(async () => {
  const hostPort = await freePort();
  host = await startHostSite({
    port: hostPort,
    secret: SECRET,
    widgetServer: () => server.baseUrl,
  });
  server = await startServer({
    env: {
      WIDGET_IDENTITY_SECRET: SECRET,
      WIDGET_PRECHAT: 'optional',
      // The customer's site may frame the widget.
      WIDGET_FRAME_ANCESTORS: `'self' ${host.origin}`,
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await host?.stop();
});

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;
const msg = (root, text) => root.locator('.sc-msg__text', { hasText: text });

/** The host site's page in a fresh browser context (another device), widget not yet open. */
async function hostPage(query, viewport = { width: 1280, height: 800 }, context = null) {
  const ctx = context ?? (await browser.newContext({ viewport }));
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${host.origin}/${query}`);
  const widget = page.frameLocator('iframe[data-support-chat]');
  return { context: ctx, page, widget, errors };
}

/** The widget's iframe as a Frame (to read its storage). */
const widgetFrame = (page) => page.frames().find((f) => f.url().startsWith(server.baseUrl));

async function openWidget(widget) {
  await widget.getByRole('button', { name: /Open support chat/ }).click();
}

async function openAdminPage(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/admin/support`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Support chats' }).waitFor({ timeout: WAIT_MS });
  return { context, page };
}

async function startConversation(widget, text) {
  await widget.getByLabel('Message').fill(text);
  await widget.getByRole('button', { name: 'Start conversation' }).click();
  await msg(widget, text).waitFor({ timeout: WAIT_MS });
}

describe('the host site’s signed-in user', () => {
  const id = unique();
  const sub = `hana-${id}`;
  const query = `?user=${sub}&name=${encodeURIComponent(`Hana ${id}`)}&email=hana.${id}%40acme.test`;
  let user;
  let adminSide;

  it('chats at once, with no form at all', async () => {
    user = await hostPage(query);
    await openWidget(user.widget);
    await user.widget.getByLabel('Subject (optional)').waitFor({ timeout: WAIT_MS });
    assert.equal(await user.widget.getByRole('button', { name: 'Sign in' }).count(), 0);
    assert.equal(await user.widget.getByLabel('Your name (optional)').count(), 0);
    // The host signs its own users out: no widget sign-out button for them.
    assert.equal(await user.widget.getByRole('button', { name: 'Sign out' }).count(), 0);
    await startConversation(user.widget, `Where is order ${id}?`);
    assert.deepEqual(user.errors, []);
  });

  it('a reload shows the same history (the stored session, no second sign-in)', async () => {
    await user.page.reload();
    const widget = user.page.frameLocator('iframe[data-support-chat]');
    await msg(widget, `Where is order ${id}?`).waitFor({ timeout: WAIT_MS });
    user.widget = widget;
  });

  it('a second browser (another device) shows the same history', async () => {
    const other = await hostPage(query);
    await openWidget(other.widget);
    await msg(other.widget, `Where is order ${id}?`).waitFor({ timeout: WAIT_MS });
    await other.context.close();
  });

  it('the agent sees a verified user with the host’s id, the page and local time', async () => {
    adminSide = await openAdminPage();
    const item = adminSide.page.locator('.scd-item', { hasText: `Hana ${id}` });
    await item.waitFor({ timeout: WAIT_MS });
    await item.getByRole('link').click();
    const panel = adminSide.page.locator('.scd-person');
    await panel.getByText('Verified user').waitFor({ timeout: WAIT_MS });
    await panel.locator('.scd-person__id', { hasText: sub }).waitFor();
    await panel.getByText(`hana.${id}@acme.test`).waitFor();
    assert.match(await panel.locator('.scd-person__verified').innerText(), /verified/);
    const link = panel.getByRole('link', { name: 'Acme Outdoor – Your orders' });
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await link.getAttribute('href'), new RegExp(`^${host.origin}/\\?user=${sub}`));
    await panel.getByText(/ahead of you|behind you|same time as you/).waitFor();
    await panel.getByText(/Chrom/).waitFor();
    await screenshot(adminSide.page, 'dashboard-person-1280');
  });

  it('the agent’s reply reaches the host page through on("unread") while the chat is closed', async () => {
    await user.widget.getByRole('button', { name: 'Close chat' }).click();
    await adminSide.page.getByLabel('Reply').fill('It ships tomorrow.');
    await adminSide.page.getByLabel('Reply').press('Enter');
    await user.page.locator('#unread', { hasText: '1' }).waitFor({ timeout: WAIT_MS });
    await openWidget(user.widget);
    await msg(user.widget, 'It ships tomorrow.').waitFor({ timeout: WAIT_MS });
    await user.page.locator('#unread', { hasText: '0' }).waitFor({ timeout: WAIT_MS });
  });

  it('at 360 px the widget fills the screen and the person section fits', async () => {
    const phone = await hostPage(query, { width: 360, height: 740 });
    await openWidget(phone.widget);
    await msg(phone.widget, 'It ships tomorrow.').waitFor({ timeout: WAIT_MS });
    const box = await phone.page.locator('iframe[data-support-chat]').boundingBox();
    assert.equal(Math.round(box.width), 360);
    await screenshot(phone.page, 'widget-identified-360');
    await phone.context.close();

    const page = adminSide.page;
    await page.setViewportSize({ width: 360, height: 740 });
    const summary = page.locator('.scd-person summary');
    await summary.waitFor({ timeout: WAIT_MS });
    await summary.click();
    await page.locator('.scd-person__id', { hasText: sub }).waitFor({ timeout: WAIT_MS });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'nothing sticks out sideways at 360 px');
    await screenshot(page, 'dashboard-360-person');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the host’s logout ends the session and returns to the guest start', async () => {
    await user.page.evaluate(() => window.SupportChat('logout'));
    await user.widget.getByRole('button', { name: 'Skip' }).waitFor({ timeout: WAIT_MS });
    assert.equal(await msg(user.widget, 'It ships tomorrow.').count(), 0);
    const stored = await user.page.evaluate(() => document.querySelector('iframe').src);
    assert.ok(stored.startsWith(server.baseUrl));
    await user.page.reload();
    const widget = user.page.frameLocator('iframe[data-support-chat]');
    // The page still renders a token for Hana, so she is signed in again: that is the host's call.
    await msg(widget, 'It ships tomorrow.').waitFor({ timeout: WAIT_MS });
    await user.context.close();
    await adminSide.context.close();
  });
});

describe('identity tokens the server must refuse', () => {
  const cases = [
    ['expired', /expired/],
    ['tampered', /signature/],
    ['other-secret', /signature/],
    ['none', /not accepted/],
  ];
  for (const [kind, reason] of cases) {
    it(`a ${kind} token is refused and the widget says so`, async () => {
      const id = unique();
      const user = await hostPage(`?user=mallory-${id}&name=Mallory&token=${kind}`);
      await openWidget(user.widget);
      const alert = user.widget.getByRole('alert');
      await alert.waitFor({ timeout: WAIT_MS });
      const text = await alert.innerText();
      assert.match(text, /could not confirm that you are signed in/);
      assert.match(text, reason);
      // Nobody is signed in: no conversation, only the guest way in.
      assert.equal(await user.widget.getByLabel('Message').count(), 0);
      await user.widget.getByRole('button', { name: 'Skip' }).waitFor();
      if (kind === 'expired') await screenshot(user.page, 'widget-identity-refused');
      await user.context.close();
    });
  }
});

describe('a guest who later signs in on the host site', () => {
  const id = unique();
  const sub = `vera-${id}`;
  let guest;

  it('chats with no account after the optional pre-chat form', async () => {
    guest = await hostPage('');
    await openWidget(guest.widget);
    await guest.widget.getByLabel('Your name (optional)').fill(`Vera ${id}`);
    await guest.widget.getByLabel('Email (optional)').fill(`vera.${id}@example.com`);
    await screenshot(guest.page, 'widget-prechat');
    await guest.widget.getByRole('button', { name: 'Start chatting' }).click();
    await startConversation(guest.widget, `Guest question ${id}`);
  });

  it('the agent sees a visitor whose email is not verified', async () => {
    const adminSide = await openAdminPage();
    await adminSide.page
      .locator('.scd-item', { hasText: `Vera ${id}` })
      .getByRole('link')
      .click();
    const panel = adminSide.page.locator('.scd-person');
    await panel.getByText('Visitor', { exact: true }).waitFor({ timeout: WAIT_MS });
    await panel.locator('.scd-person__unverified', { hasText: 'not verified' }).waitFor();
    await adminSide.context.close();
  });

  it('signs in on the host (identify) and finds the conversation merged', async () => {
    await guest.page.evaluate(async (user) => {
      const response = await fetch(`/token?user=${user}&name=Vera%20Verified`);
      const { token } = await response.json();
      window.SupportChat('identify', { token });
    }, sub);
    // Signed in as the verified user (the iframe's stored session says so), then the socket
    // reconnects and the same messages are there.
    await widgetFrame(guest.page).waitForFunction(
      () =>
        JSON.parse(localStorage.getItem('support-chat.widget.session') ?? '{}').user?.kind ===
        'verified',
      null,
      { timeout: WAIT_MS },
    );
    await msg(guest.widget, `Guest question ${id}`).waitFor({ timeout: WAIT_MS });
    await guest.widget.getByLabel('Message').fill('Now signed in');
    await guest.widget.getByLabel('Message').press('Enter');
    await guest.widget
      .locator('.sc-msg:not(.sc-msg--pending)', { hasText: 'Now signed in' })
      .waitFor({ timeout: WAIT_MS });
  });

  it('another device of the verified user sees both messages, once each', async () => {
    const other = await hostPage(`?user=${sub}&name=Vera%20Verified`);
    await openWidget(other.widget);
    await msg(other.widget, 'Now signed in').waitFor({ timeout: WAIT_MS });
    assert.equal(await msg(other.widget, `Guest question ${id}`).count(), 1);
    assert.equal(await msg(other.widget, 'Now signed in').count(), 1);
    await other.context.close();

    const adminSide = await openAdminPage();
    const items = adminSide.page.locator('.scd-item', { hasText: 'Vera Verified' });
    await items.first().waitFor({ timeout: WAIT_MS });
    assert.equal(await items.count(), 1, 'one conversation after the merge');
    await items.getByRole('link').click();
    await adminSide.page
      .locator('.scd-person')
      .getByText('Verified user')
      .waitFor({ timeout: WAIT_MS });
    await adminSide.context.close();
    await guest.context.close();
  });

  it('a guest who skips the form can write too', async () => {
    const skipper = await hostPage('', { width: 360, height: 740 });
    await openWidget(skipper.widget);
    await skipper.widget.getByRole('button', { name: 'Skip' }).click();
    await startConversation(skipper.widget, 'Anonymous hello');
    await screenshot(skipper.page, 'widget-guest-360');
    await skipper.context.close();
  });
});
