// The accessibility gate (issue 18 §5, §6): axe-core finds nothing on every main screen of the widget
// and the dashboard, in the light and the dark theme, at desktop width and at 360 px, over the
// realistic demo data set (scripts/seed-demo.mjs, seeded over the REST API first). It also checks
// the theme plumbing a person relies on (the dashboard's toggle by keyboard, remembered; a host's
// data-theme and data-color with a readable text colour) and takes the README's screenshots, one
// per theme and main screen: `E2E_SCREENSHOTS=../docs/screenshots node --test e2e/accessibility.test.mjs`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PASSWORD, generateHistory, seedDemo, WIDGET_CHAT } from '../scripts/seed-demo.mjs';
import { assertAccessible } from './axe.mjs';
import { admin, launchBrowser, screenshot, startServer } from './harness.mjs';

const WAIT_MS = 15_000;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const THEMES = ['light', 'dark'];
const WIDGET_SESSION_KEY = 'support-chat.widget.session';

let server;
let browser;
let demo;

before(async () => {
  server = await startServer({ prepare: generateHistory });
  browser = await launchBrowser();
  demo = await seedDemo({
    baseUrl: server.baseUrl,
    adminEmail: admin.email,
    adminPassword: admin.password,
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A new login of the widget's demo customer: each browser gets its own, since one refreshing its
 * tokens spends them for every other holder (and a spent refresh token ends the login).
 */
async function customerSession() {
  const response = await fetch(`${server.baseUrl}/api/v1/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: demo.customers[WIDGET_CHAT].user.email,
      password: DEMO_PASSWORD,
    }),
  });
  assert.equal(response.status, 200);
  return (await response.json()).data;
}

/** A browser context whose system theme is `theme`, optionally with the widget signed in. */
async function open(theme, viewport, widgetSession = null, permissions = []) {
  const context = await browser.newContext({ viewport, colorScheme: theme, permissions });
  if (widgetSession) {
    // Only when empty: the widget may have stored refreshed tokens since.
    await context.addInitScript(
      ([key, value]) => {
        if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, value);
      },
      [WIDGET_SESSION_KEY, JSON.stringify(widgetSession)],
    );
  }
  return { context, page: await context.newPage() };
}

function widgetFrame(page) {
  return page.frames().find((f) => f.url().includes('/widget.html'));
}

async function waitForWidget(page) {
  await page.frameLocator('iframe[data-support-chat]').locator('.scw-bubble').waitFor({
    timeout: WAIT_MS,
  });
  const frame = widgetFrame(page);
  assert.ok(frame, 'the widget iframe is on the page');
  return frame;
}

/** Opens a customer's page on the server's origin whose snippet carries `attributes`. */
async function hostPage(page, path, attributes) {
  const url = `${server.baseUrl}/${path}`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>A shop</title></head><body>
        <main><h1>A shop</h1></main>
        <script src="/widget.js" ${attributes} async></script></body></html>`,
    }),
  );
  await page.goto(url);
}

const DARK_BG = 'rgb(23, 28, 38)';
const LIGHT_BG = 'rgb(255, 255, 255)';

/** The background the person sees on `selector`: tells the dark palette from the light one. */
const backgroundOf = (target, selector) =>
  target.evaluate((s) => getComputedStyle(document.querySelector(s)).backgroundColor, selector);

/**
 * Whether the widget's frame lets the page show through beside the bubble: a frame whose
 * document's colour scheme differs from the page's is painted opaque, a square over the site.
 */
async function frameIsTransparent(page) {
  const box = await page.locator('iframe[data-support-chat]').boundingBox();
  const clip = { x: box.x + 2, y: box.y + 2, width: 8, height: 8 };
  const withFrame = await page.screenshot({ clip });
  await page.locator('iframe[data-support-chat]').evaluate((f) => (f.style.visibility = 'hidden'));
  const without = await page.screenshot({ clip });
  await page.locator('iframe[data-support-chat]').evaluate((f) => (f.style.visibility = ''));
  return withFrame.equals(without);
}

for (const theme of THEMES) {
  describe(`${theme} theme`, () => {
    it(`the demo page and the widget, closed and open, pass axe at 1280 and 360 px`, async () => {
      for (const viewport of [DESKTOP, PHONE]) {
        const { context, page } = await open(theme, viewport);
        await page.goto(`${server.baseUrl}/`);
        const frame = await waitForWidget(page);
        const at = `${viewport.width} px, ${theme}`;
        // On the page: axe goes into the widget's iframe as well.
        await assertAccessible(page, `the demo page with the widget closed (${at})`);
        await frame.getByRole('button', { name: /Open support chat/ }).click();
        await frame.getByLabel('Message').waitFor({ timeout: WAIT_MS });
        await assertAccessible(page, `the open widget, a new conversation (${at})`);
        await context.close();
      }
    });

    it('the widget in a conversation passes axe and is screenshotted', async () => {
      for (const viewport of [DESKTOP, PHONE]) {
        const { context, page } = await open(theme, viewport, await customerSession());
        await page.goto(`${server.baseUrl}/`);
        const frame = await waitForWidget(page);
        await frame.getByRole('button', { name: /Open support chat/ }).click();
        await frame
          .getByText('Your parcel is on the van tomorrow morning', { exact: false })
          .waitFor({
            timeout: WAIT_MS,
          });
        assert.equal(
          await backgroundOf(frame, '.scw-panel'),
          theme === 'dark' ? DARK_BG : LIGHT_BG,
          'the widget follows the page, which follows the system',
        );
        await assertAccessible(
          frame,
          `the widget in a conversation (${viewport.width} px, ${theme})`,
        );
        await screenshot(page, `widget-${viewport.width}-${theme}`);
        await context.close();
      }
    });

    it('every dashboard page passes axe at 1280 and 360 px', async () => {
      for (const viewport of [DESKTOP, PHONE]) {
        const at = `${viewport.width} px, ${theme}`;
        const wide = viewport === DESKTOP;
        // At desktop width as an agent who has allowed notifications (the screenshots' case); the
        // phone keeps the button that asks.
        const { context, page } = await open(theme, viewport, null, wide ? ['notifications'] : []);
        await page.goto(`${server.baseUrl}/admin/support`);
        await page.getByLabel('Email').fill(admin.email);
        await page.getByLabel('Password').fill(admin.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        const list = page.getByRole('navigation', { name: 'Support chats' });
        await list.getByText('Change the delivery address').waitFor({ timeout: WAIT_MS });
        assert.equal(
          await backgroundOf(page, '.scd-sidebar'),
          theme === 'dark' ? DARK_BG : LIGHT_BG,
        );
        await assertAccessible(page, `the chat list (${at})`);
        if (wide) await screenshot(page, `dashboard-list-${theme}`);

        await list.getByText('Order 10482 has not arrived').click();
        await page.getByText('Carrier says the depot in Leeds').waitFor({ timeout: WAIT_MS });
        await assertAccessible(page, `a conversation with a note (${at})`);
        if (wide) await screenshot(page, `dashboard-conversation-${theme}`);

        const pages = [
          ['Statistics', 'Statistics', 'stats'],
          ['Team', 'Team', 'team'],
          ['Hours', 'Business hours', null],
          ['Webhooks', 'Webhooks', null],
          ['Replies', 'Saved replies and labels', null],
        ];
        for (const [link, heading, shot] of pages) {
          await page.getByRole('link', { name: link, exact: true }).click();
          await page
            .getByRole('heading', { name: heading, level: 1 })
            .waitFor({ timeout: WAIT_MS });
          await page.waitForLoadState('networkidle');
          // The page as an admin works with it: loaded, its forms enabled. A client-side route
          // change leaves the 'networkidle' state as it was, so wait for the page's own loading
          // line to go too: axe once audited the Hours page while its form arrived mid-run.
          await page.waitForFunction(
            () => !document.querySelector('main .scd-loading, main fieldset:disabled'),
          );
          await assertAccessible(page, `the ${link} page (${at})`);
          if (wide && shot) await screenshot(page, `${shot}-${theme}`);
        }
        await context.close();
      }
    });
  });
}

describe("an agent's pages", () => {
  // An agent sees the team's settings without the right to change them: the forms are disabled, so
  // a page can hold nothing a keyboard can focus. Its scrolling region must still be reachable.
  it('pass axe read-only at 1280 and 360 px, and scroll by keyboard', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page } = await open('light', viewport);
      await page.goto(`${server.baseUrl}/admin/support`);
      await page.getByLabel('Email').fill(demo.agents.priya.user.email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Support chats' }).waitFor({ timeout: WAIT_MS });
      // The chat list's arrival puts an unread count into the Chats link, which moves the links
      // after it: a click aimed at Hours while that happens can land beside it.
      await page.waitForFunction(
        () => document.querySelector('.scd-sidebar__count')?.textContent !== 'Loading chats…',
      );
      for (const [link, heading] of [
        ['Hours', 'Business hours'],
        ['Webhooks', 'Webhooks'],
        ['Replies', 'Saved replies and labels'],
        ['Team', 'Team'],
        ['Statistics', 'Statistics'],
      ]) {
        await page.getByRole('link', { name: link, exact: true }).click();
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: WAIT_MS });
        await page.waitForLoadState('networkidle');
        await page.waitForFunction(() => !document.querySelector('main .scd-loading'));
        await assertAccessible(page, `the ${link} page as an agent (${viewport.width} px)`);
      }
      // The Hours page is taller than a phone: Tab reaches its region, and the arrow keys scroll it.
      await page.getByRole('link', { name: 'Hours', exact: true }).click();
      await page.getByRole('heading', { name: 'Business hours', level: 1 }).waitFor();
      await page.waitForFunction(() => !document.querySelector('main .scd-loading'));
      if (viewport === PHONE) {
        const main = page.locator('main');
        await main.focus();
        assert.ok(
          await main.evaluate((el) => el === document.activeElement && el.tabIndex >= 0),
          'the page region is in the tab order',
        );
        await page.keyboard.press('PageDown');
        await page.waitForFunction(() => document.querySelector('main').scrollTop > 0);
      }
      await context.close();
    }
  });
});

describe('choosing the theme', () => {
  it('the dashboard toggle works by keyboard, overrides the system and is remembered', async () => {
    const { context, page } = await open('light', DESKTOP);
    await page.goto(`${server.baseUrl}/admin/support`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const toggle = page.getByRole('combobox', { name: 'Colour theme' });
    await toggle.waitFor({ timeout: WAIT_MS });
    assert.equal(await toggle.inputValue(), 'system');
    await toggle.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await toggle.inputValue(), 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const background = () => backgroundOf(page, '.scd-sidebar');
    assert.equal(await background(), DARK_BG, 'the dark palette is in use');
    await page.reload();
    await page.getByRole('combobox', { name: 'Colour theme' }).waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getByRole('combobox', { name: 'Colour theme' }).inputValue(), 'dark');
    assert.equal(await background(), DARK_BG, 'remembered after a reload');
    await page.getByRole('combobox', { name: 'Colour theme' }).selectOption('system');
    assert.equal(await background(), LIGHT_BG, 'back to the system (light) palette');
    await context.close();
  });

  it('a host forces the dark theme and a pale brand colour; the text on it stays readable', async () => {
    const { context, page } = await open('light', DESKTOP);
    await hostPage(page, 'brand-test', 'data-theme="dark" data-color="#FD0"');
    const frame = await waitForWidget(page);
    const bubble = await frame.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.scw-bubble'));
      return { background: style.backgroundColor, color: style.color };
    });
    assert.deepEqual(bubble, { background: 'rgb(255, 221, 0)', color: 'rgb(0, 0, 0)' });
    assert.ok(await frameIsTransparent(page), 'the frame stays transparent');
    await frame.getByRole('button', { name: /Open support chat/ }).click();
    await frame.getByLabel('Message').waitFor({ timeout: WAIT_MS });
    assert.equal(await backgroundOf(frame, '.scw-panel'), DARK_BG, 'dark on a light system');
    await assertAccessible(page, 'the widget with a forced dark theme and a yellow brand');
    await context.close();
  });

  it('a host colour that is not a hex colour is ignored, with a warning', async () => {
    const { context, page } = await open('light', DESKTOP);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await hostPage(page, 'brand-bad', 'data-color="red;background:url(//evil.test)"');
    const frame = await waitForWidget(page);
    assert.ok(!frame.url().includes('color='), 'nothing reaches the widget');
    assert.equal(
      await backgroundOf(frame, '.scw-bubble'),
      'rgb(34, 81, 209)',
      'the default accent',
    );
    assert.ok(
      warnings.some((w) => w.includes('data-color')),
      warnings.join('\n'),
    );
    await context.close();
  });

  it('on a light-only page under a dark system the widget is dark, and its frame transparent', async () => {
    const { context, page } = await open('dark', DESKTOP);
    await hostPage(page, 'light-only', '');
    const frame = await waitForWidget(page);
    assert.ok(await frameIsTransparent(page), 'no square around the bubble');
    await frame.getByRole('button', { name: /Open support chat/ }).click();
    await frame.getByLabel('Message').waitFor({ timeout: WAIT_MS });
    assert.equal(await backgroundOf(frame, '.scw-panel'), DARK_BG, "the visitor's system decides");
    await context.close();
  });

  it('on the demo page (light and dark) under a dark system the frame stays transparent', async () => {
    const { context, page } = await open('dark', DESKTOP);
    await page.goto(`${server.baseUrl}/`);
    await waitForWidget(page);
    assert.ok(await frameIsTransparent(page), 'no square around the bubble');
    await context.close();
  });
});
