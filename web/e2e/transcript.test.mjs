// End-to-end: a person whose chat was resolved asks the widget for a transcript; a real SMTP server
// (GreenMail's standalone jar, which the Maven build copies to target/test-tools) receives it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { admin, freePort, launchBrowser, screenshot, startServer } from './harness.mjs';

const WAIT_MS = 20_000;
const here = dirname(fileURLToPath(import.meta.url));
const jar = resolve(join(here, '..', '..', 'target', 'test-tools', 'greenmail-standalone.jar'));

let server;
let browser;
let smtp;
let apiPort;

async function until(check) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  if (!existsSync(jar))
    throw new Error(`no SMTP server jar at ${jar}: run mvn generate-test-resources`);
  const smtpPort = await freePort();
  apiPort = await freePort();
  smtp = spawn(
    'java',
    [
      '-Xmx128m',
      '-Dgreenmail.hostname=127.0.0.1',
      `-Dgreenmail.smtp.port=${smtpPort}`,
      `-Dgreenmail.api.port=${apiPort}`,
      '-Dgreenmail.auth.disabled',
      '-jar',
      jar,
    ],
    { stdio: 'ignore' },
  );
  await until(() =>
    fetch(`http://127.0.0.1:${apiPort}/api/configuration`).then(
      (r) => r.ok,
      () => false,
    ),
  );
  server = await startServer({
    env: {
      WIDGET_VISITORS: 'off',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'support@example.com',
      PUBLIC_URL: 'https://support.example.com',
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  smtp?.kill('SIGKILL');
});

async function inbox(address) {
  const r = await fetch(`http://127.0.0.1:${apiPort}/api/user/${address}/messages/`);
  return r.ok ? r.json() : [];
}

describe('transcript by email', () => {
  it('a resolved chat offers its transcript, which arrives once', async () => {
    const email = `tess.${Date.now()}@example.com`;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    const widget = page.frameLocator('iframe[data-support-chat]');
    await widget.getByRole('button', { name: /Open support chat/ }).click();
    await widget.getByRole('button', { name: 'Create an account', exact: true }).click();
    await widget.getByLabel('Your name').fill('Tess');
    await widget.getByLabel('Email').fill(email);
    await widget.getByLabel('Password').fill('a-long-password-1');
    await widget.getByRole('button', { name: 'Create account' }).click();
    await widget.getByLabel('Message').fill('Where is my refund?');
    await widget.getByRole('button', { name: 'Start conversation' }).click();
    await widget
      .locator('.sc-msg__text', { hasText: 'Where is my refund?' })
      .waitFor({ timeout: WAIT_MS });

    // The agent answers and resolves over the API.
    const login = await fetch(`${server.baseUrl}/api/v1/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(admin),
    }).then((r) => r.json());
    const auth = {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${login.data.accessToken}`,
    };
    const chats = await fetch(`${server.baseUrl}/api/v1/chats/admin/all?q=Tess`, {
      headers: auth,
    }).then((r) => r.json());
    const chatId = chats.data.chats[0]._id;
    await fetch(`${server.baseUrl}/api/v1/chats/${chatId}/messages`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ content: 'Sent back today.' }),
    });
    await fetch(`${server.baseUrl}/api/v1/chats/${chatId}/status`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ status: 'resolved' }),
    });

    const button = widget.getByRole('button', { name: 'Email me a transcript' });
    await button.waitFor({ timeout: WAIT_MS });
    await button.click();
    await widget
      .getByText('The transcript is on its way to your email.')
      .waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'widget-transcript-360');
    const mails = await until(async () => {
      const m = await inbox(email);
      return m.length > 0 ? m : null;
    });
    assert.equal(mails.length, 1);
    assert.match(mails[0].mimeMessage, /Where is my refund\?/);
    assert.match(mails[0].mimeMessage, /Sent back today\./);
    await context.close();
  });
});
