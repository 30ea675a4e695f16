// End-to-end: an agent resolves a user's chat, the widget asks for a rating, the user rates it with
// the keyboard and the dashboard's statistics show it; outside business hours the widget says when
// the team is back (in the visitor's time zone) and an automatic reply says the same. axe-core finds
// nothing on the widget, the statistics page or the hours page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations } from './axe.mjs';
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

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, ...options });
  return { context, page: await context.newPage() };
}

function widgetFrame(page) {
  return page.frames().find((f) => f.url().includes('/widget'));
}

async function assertNoAxeViolations(target, where) {
  const violations = await axeViolations(target);
  assert.deepEqual(violations, [], `axe-core found problems on ${where}`);
}

async function openWidgetAsNewUser(page, name, email, firstMessage) {
  await page.goto(`${server.baseUrl}/`);
  const widget = page.frameLocator('iframe[data-support-chat]');
  await widget.getByRole('button', { name: /Open support chat/ }).click();
  await widget.getByRole('button', { name: 'Create an account', exact: true }).click();
  await widget.getByLabel('Your name').fill(name);
  await widget.getByLabel('Email').fill(email);
  await widget.getByLabel('Password').fill('a-long-password-1');
  await widget.getByRole('button', { name: 'Create account' }).click();
  await widget.getByLabel('Message').fill(firstMessage);
  await widget.getByRole('button', { name: 'Start conversation' }).click();
  await widget.locator('.sc-msg__text', { hasText: firstMessage }).waitFor({ timeout: WAIT_MS });
  return widget;
}

async function signInToDashboard(page) {
  await page.goto(`${server.baseUrl}/admin/support`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Statistics' }).waitFor({ timeout: WAIT_MS });
}

async function adminApi() {
  const login = await fetch(`${server.baseUrl}/api/v1/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  }).then((r) => r.json());
  return {
    'Content-Type': 'application/json',
    Authorization: `Bearer ${login.data.accessToken}`,
  };
}

describe('satisfaction and business hours', () => {
  const id = `${Date.now()}`;

  it('a resolved chat is rated with the keyboard and the statistics show it', async () => {
    const user = await newPage();
    const widget = await openWidgetAsNewUser(
      user.page,
      `Rita ${id}`,
      `rita.${id}@example.com`,
      'My order arrived broken.',
    );

    // The agent answers and resolves the chat in the dashboard.
    const agent = await newPage({ viewport: { width: 1280, height: 900 } });
    await signInToDashboard(agent.page);
    const item = agent.page.locator('.scd-item', { hasText: `Rita ${id}` });
    await item.waitFor({ timeout: WAIT_MS });
    await item.getByRole('link').click();
    await agent.page.getByLabel('Reply').focus();
    await agent.page.keyboard.type('A new one is on its way.');
    await agent.page.keyboard.press('Enter');
    await widget.getByText('A new one is on its way.').waitFor({ timeout: WAIT_MS });
    await agent.page
      .getByRole('region', { name: `Conversation with Rita ${id}` })
      .getByLabel('Status')
      .selectOption('resolved');

    // The widget asks; the user answers with the keyboard only.
    const ask = widget.getByRole('group', { name: /How did we do\?/ });
    await ask.waitFor({ timeout: WAIT_MS });
    await screenshot(user.page, 'widget-rating-ask-360');
    await assertNoAxeViolations(widgetFrame(user.page), 'the widget asking for a rating');
    await widget.getByRole('radio', { name: /1 out of 5/ }).focus();
    for (let i = 0; i < 3; i++) await user.page.keyboard.press('ArrowRight');
    assert.equal(await widget.getByRole('radio', { name: /4 out of 5/ }).isChecked(), true);
    await user.page.keyboard.press('Tab');
    await user.page.keyboard.type('Quick and friendly.');
    await user.page.keyboard.press('Tab');
    await user.page.keyboard.press('Enter');
    await widget
      .getByText('Thank you for your rating! You rated this conversation 4 out of 5.')
      .waitFor({ timeout: WAIT_MS });
    await screenshot(user.page, 'widget-rating-thanks-360');
    await assertNoAxeViolations(widgetFrame(user.page), 'the widget after rating');

    // The agent sees the rating beside the conversation, and the statistics count it.
    await agent.page.getByText('Rated 4 out of 5').waitFor({ timeout: WAIT_MS });
    await agent.page.getByText('Quick and friendly.').waitFor({ timeout: WAIT_MS });
    await agent.page.getByRole('link', { name: 'Statistics' }).click();
    await agent.page
      .getByText('Average 4.00 out of 5 from 1 rating.')
      .waitFor({ timeout: WAIT_MS });
    const chart = agent.page.locator('figure', { hasText: 'Satisfaction ratings' });
    await chart.locator('.scd-bars__row', { hasText: '4 · Good' }).getByText('1').waitFor();
    await screenshot(agent.page, 'dashboard-stats-csat-1280');
    await assertNoAxeViolations(agent.page, 'the statistics page');
    await agent.page.setViewportSize({ width: 360, height: 800 });
    await screenshot(agent.page, 'dashboard-stats-csat-360');
    await user.context.close();
    await agent.context.close();
  });

  it('outside business hours the widget says when the team is back, and so does a reply', async () => {
    // Open only on the weekday two days from now (UTC), so it is closed now whatever the hour.
    const day = new Date(Date.now() + 2 * 86_400_000);
    const weekday = day.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
    const weekly = Object.fromEntries(
      ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [
        d,
        d === weekday.toLowerCase() ? [{ opens: '09:00', closes: '17:00' }] : [],
      ]),
    );
    const saved = await fetch(`${server.baseUrl}/api/v1/business-hours`, {
      method: 'PUT',
      headers: await adminApi(),
      body: JSON.stringify({
        timeZone: 'UTC',
        weekly,
        holidays: [],
        autoReply: 'Thanks! We are away and back {back}.',
        businessHoursStats: false,
      }),
    });
    assert.equal(saved.status, 200);
    const opensAt = new Date(
      Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 9, 0),
    );
    // The visitor is in Tokyo: the widget says the time there.
    const tokyo = {
      weekday: opensAt.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'Asia/Tokyo' }),
      time: opensAt.toLocaleTimeString('en-GB', {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'Asia/Tokyo',
      }),
    };

    const user = await newPage({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' });
    await user.page.goto(`${server.baseUrl}/`);
    const widget = user.page.frameLocator('iframe[data-support-chat]');
    await widget.getByRole('button', { name: /Open support chat/ }).click();
    const presence = widget.locator('.scw-header__presence');
    await presence.getByText(/We are closed now\. Back /).waitFor({ timeout: WAIT_MS });
    const text = await presence.innerText();
    assert.match(text, new RegExp(`Back (${tokyo.weekday}|tomorrow|today) at ${tokyo.time}\\.`));
    await assertNoAxeViolations(widgetFrame(user.page), 'the widget outside business hours');

    await widget.getByRole('button', { name: 'Create an account', exact: true }).click();
    await widget.getByLabel('Your name').fill(`Otto ${id}`);
    await widget.getByLabel('Email').fill(`otto.${id}@example.com`);
    await widget.getByLabel('Password').fill('a-long-password-1');
    await widget.getByRole('button', { name: 'Create account' }).click();
    await widget.getByLabel('Message').fill('Hello at night');
    await widget.getByRole('button', { name: 'Start conversation' }).click();
    await widget
      .getByText(`Thanks! We are away and back on ${weekday} at 09:00 (UTC time).`)
      .waitFor({ timeout: WAIT_MS });
    await screenshot(user.page, 'widget-after-hours-360');
    await assertNoAxeViolations(widgetFrame(user.page), 'the widget with the automatic reply');
    // One automatic reply, however many messages.
    await widget.getByLabel('Message').fill('Anyone?');
    await user.page.keyboard.press('Enter');
    await widget.locator('.sc-msg__text', { hasText: 'Anyone?' }).waitFor({ timeout: WAIT_MS });
    // A second automatic reply would arrive right after the message; give it the time to.
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(await widget.getByText(/We are away and back/).count(), 1);

    // The hours page shows the schedule to the admin, and passes axe.
    const lead = await newPage({ viewport: { width: 1280, height: 900 } });
    await signInToDashboard(lead.page);
    await lead.page.getByRole('link', { name: 'Hours' }).click();
    await lead.page
      .getByRole('heading', { name: 'Business hours', exact: true })
      .waitFor({ timeout: WAIT_MS });
    await lead.page.getByLabel(`Open on ${weekday}`).waitFor({ timeout: WAIT_MS });
    assert.equal(await lead.page.getByLabel(`Open on ${weekday}`).isChecked(), true);
    await lead.page.getByText(/outside its business hours now/).waitFor({ timeout: WAIT_MS });
    await screenshot(lead.page, 'dashboard-hours-1280');
    await assertNoAxeViolations(lead.page, 'the hours page');
    await lead.page.setViewportSize({ width: 360, height: 800 });
    await screenshot(lead.page, 'dashboard-hours-360');
    await user.context.close();
    await lead.context.close();
  });
});
