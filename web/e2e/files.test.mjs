// End-to-end: files and edits (issue 18 §1–2). A customer pastes an image, drops a PDF and picks
// files with the Attach button in the widget (360 px wide); refusals are sentences, before the
// upload where the browser can tell (too large, wrong type) and the server's own otherwise (its
// upload rate). The agent sees the thumbnail, opens it full size and sends a file back; both edit
// a message and the other side sees "edited" live. Another account cannot fetch the files.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { assertAccessible } from './axe.mjs';
import { admin, launchBrowser, screenshot, startServer } from './harness.mjs';

const WAIT_MS = 15_000;
const MAX_BYTES = 100_000;

let server;
let browser;

before(async () => {
  server = await startServer({
    env: {
      WIDGET_VISITORS: 'off',
      MAX_ATTACHMENT_BYTES: String(MAX_BYTES),
      // Two uploads an hour for a customer: the third shows the server's own sentence.
      UPLOADS_PER_USER_PER_HOUR: '2',
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A real PNG of one colour (a decoder must accept it for the thumbnail to show). */
function png(width, height, [r, g, b]) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3)]);
  for (let x = 0; x < width; x += 1) row.set([r, g, b], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const pdf = (title) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Title (${title}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/** Hands files to an element as a paste or a drop would (a real DataTransfer in the page). */
async function give(locator, event, files) {
  await locator.evaluate(
    (el, { event, files }) => {
      const dt = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: f.type }));
      }
      const init = { bubbles: true, cancelable: true };
      if (event === 'paste') {
        el.dispatchEvent(new ClipboardEvent('paste', { ...init, clipboardData: dt }));
      } else {
        el.dispatchEvent(new DragEvent('dragover', { ...init, dataTransfer: dt }));
        el.dispatchEvent(new DragEvent('drop', { ...init, dataTransfer: dt }));
      }
    },
    {
      event,
      files: files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64') })),
    },
  );
}

/** Picks files with the Attach files button and the browser's file chooser. */
async function attach(page, root, files) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    root.getByRole('button', { name: 'Attach files' }).click(),
  ]);
  await chooser.setFiles(files.map((f) => ({ name: f.name, mimeType: f.type, buffer: f.bytes })));
}

const bubble = (root, text) => root.locator('.sc-msg', { hasText: text });

describe('files and edits in the widget and the dashboard', () => {
  const id = `${Date.now()}`;
  const name = `Fiona ${id}`;
  let customer;
  let agent;
  let widget;
  let chatId;
  const photo = { name: 'broken-box.png', type: 'image/png', bytes: png(480, 360, [200, 60, 40]) };
  const receipt = { name: 'receipt.pdf', type: 'application/pdf', bytes: pdf('Receipt') };

  it('the agent signs in and the customer starts a chat in the widget at 360 px', async () => {
    const agentContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    agent = await agentContext.newPage();
    await agent.goto(`${server.baseUrl}/admin/support`);
    await agent.getByLabel('Email').fill(admin.email);
    await agent.getByLabel('Password').fill(admin.password);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByRole('navigation', { name: 'Support chats' }).waitFor({ timeout: WAIT_MS });

    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    customer = await context.newPage();
    await customer.goto(`${server.baseUrl}/`);
    widget = customer.frameLocator('iframe[data-support-chat]');
    await widget.getByRole('button', { name: /Open support chat/ }).click();
    await widget.getByRole('button', { name: 'Create an account', exact: true }).click();
    await widget.getByLabel('Your name').fill(name);
    await widget.getByLabel('Email').fill(`fiona.${id}@example.com`);
    await widget.getByLabel('Password').fill('a-long-password-1');
    await widget.getByRole('button', { name: 'Create account' }).click();
    await widget.getByLabel('Message').fill('My parcel arrived broken');
    await widget.getByRole('button', { name: 'Start conversation' }).click();
    await bubble(widget, 'My parcel arrived broken').waitFor({ timeout: WAIT_MS });
  });

  it('refuses a file too large and a type the server does not take, before uploading', async () => {
    const uploads = [];
    customer.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/attachments')) uploads.push(r.url());
    });
    await attach(customer, widget, [
      { name: 'setup.exe', type: 'application/x-msdownload', bytes: Buffer.from('MZ') },
    ]);
    const alert = widget.locator('.sc-tray__refusal');
    await alert.getByText('setup.exe cannot be sent').waitFor({ timeout: WAIT_MS });
    await attach(customer, widget, [
      { name: 'huge.png', type: 'image/png', bytes: Buffer.alloc(MAX_BYTES + 5000, 1) },
    ]);
    await alert.getByText(/huge\.png is 10\d kB; files can be at most 98 kB\./).waitFor({
      timeout: WAIT_MS,
    });
    assert.deepEqual(uploads, [], 'nothing was uploaded');
    await screenshot(customer, 'files-widget-refused-360');
  });

  it('the customer pastes an image and drops a PDF, then sends them without words', async () => {
    const box = widget.getByRole('textbox', { name: 'Message' });
    // Uploads to a local server end in milliseconds: a watcher notes each progress bar shown.
    await box.evaluate(() => {
      window.progressSeen = [];
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('progress')) {
          const seen = `${bar.getAttribute('aria-label')} (max ${bar.max})`;
          if (!window.progressSeen.includes(seen)) window.progressSeen.push(seen);
        }
      }).observe(document.body, { subtree: true, childList: true });
    });
    await give(box, 'paste', [photo]);
    await give(widget.locator('form.sc-composer'), 'drop', [receipt]);
    const tray = widget.getByRole('list', { name: 'Attached files' });
    await tray.getByText('Ready').nth(1).waitFor({ timeout: WAIT_MS });
    assert.equal(await tray.getByRole('listitem').count(), 2);
    assert.deepEqual(await box.evaluate(() => window.progressSeen), [
      'Uploading broken-box.png (max 100)',
      'Uploading receipt.pdf (max 100)',
    ]);
    await assertAccessible(customer.frame({ url: /widget\.html/ }), 'the widget with two files');
    await screenshot(customer, 'files-widget-tray-360');
    await widget.getByRole('button', { name: 'Send' }).click();
    const sent = widget.locator('.sc-msg--own', { has: widget.locator('.sc-thumb') });
    await sent.getByRole('button', { name: 'Open broken-box.png full size' }).waitFor({
      timeout: WAIT_MS,
    });
    await sent.getByRole('link', { name: /receipt\.pdf/ }).waitFor();
    await sent.locator('.sc-thumb img').waitFor({ timeout: WAIT_MS });
    assert.equal(await tray.count(), 0, 'the tray is empty after sending');

    // Full size in the widget too; its Escape closes the image, not the chat panel.
    await sent.getByRole('button', { name: 'Open broken-box.png full size' }).click();
    const dialog = widget.getByRole('dialog', { name: 'broken-box.png' });
    await dialog.waitFor({ timeout: WAIT_MS });
    await screenshot(customer, 'files-widget-viewer-360');
    await customer.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: WAIT_MS });
    assert.equal(await widget.locator('#scw-panel').count(), 1, 'the panel stays open');
    assert.equal(
      await sent
        .getByRole('button', { name: 'Open broken-box.png full size' })
        .evaluate((b) => b === document.activeElement),
      true,
      'the focus is back on the thumbnail',
    );
  });

  it("the server's own refusal is a sentence too (its upload rate)", async () => {
    await attach(customer, widget, [
      { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('third upload') },
    ]);
    await widget
      .locator('.sc-tray__refusal')
      .getByText(/notes\.txt was not uploaded: You are uploading files too fast/)
      .waitFor({ timeout: WAIT_MS });
    await widget.getByRole('button', { name: 'Remove notes.txt' }).click();
    assert.equal(await widget.getByRole('list', { name: 'Attached files' }).count(), 0);
  });

  it('the agent sees the thumbnail and opens it full size; Escape closes it', async () => {
    const item = agent.locator('.scd-item', { hasText: name });
    await item.waitFor({ timeout: WAIT_MS });
    await item.getByRole('link').click();
    chatId = new URL(agent.url()).pathname.split('/').pop();
    const thumb = agent.getByRole('button', { name: 'Open broken-box.png full size' });
    await thumb.waitFor({ timeout: WAIT_MS });
    await agent.locator('.sc-thumb img').waitFor({ timeout: WAIT_MS });
    assert.ok(
      await agent.locator('.sc-thumb img').evaluate((img) => img.complete && img.naturalWidth > 0),
      'the thumbnail decoded',
    );
    const box = await agent.locator('.sc-thumb img').boundingBox();
    assert.ok(box.width <= 161 && box.height <= 121, `thumbnail size ${JSON.stringify(box)}`);
    await agent.getByRole('link', { name: /receipt\.pdf/ }).waitFor();
    await assertAccessible(agent, 'a conversation with files');
    await screenshot(agent, 'files-dashboard-thumbnail');

    await thumb.click();
    const dialog = agent.getByRole('dialog', { name: 'broken-box.png' });
    await dialog.waitFor({ timeout: WAIT_MS });
    assert.equal(
      await dialog.locator('img').evaluate((img) => img.naturalWidth),
      480,
      'the full-size image',
    );
    await assertAccessible(agent, 'the full-size image');
    await screenshot(agent, 'files-dashboard-viewer');
    await agent.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: WAIT_MS });
    assert.equal(
      await agent.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      'Open broken-box.png full size',
      'the focus returns to the thumbnail',
    );
  });

  it('the agent sends a file back and the customer downloads it', async () => {
    // A slow uplink, so the progress bar is seen moving (and photographed).
    const cdp = await agent.context().newCDPSession(agent);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 30 * 1024,
    });
    const label = Buffer.concat([pdf('Label'), Buffer.alloc(90_000, 0x20)]);
    await attach(agent, agent, [
      { name: 'return-label.pdf', type: 'application/pdf', bytes: label },
    ]);
    const bar = agent.getByRole('progressbar', { name: 'Uploading return-label.pdf' });
    await bar.waitFor({ timeout: WAIT_MS });
    await agent.waitForFunction(() => {
      const p = document.querySelector('progress');
      return p && p.value > 0 && p.value < 100;
    });
    await screenshot(agent, 'files-dashboard-progress');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await agent
      .getByRole('list', { name: 'Attached files' })
      .getByText('Ready')
      .waitFor({ timeout: WAIT_MS });
    await agent.getByLabel('Reply').fill('Here is the return label');
    await agent.getByLabel('Reply').press('Enter');
    const link = widget.getByRole('link', { name: /return-label\.pdf/ });
    await link.waitFor({ timeout: WAIT_MS });
    assert.match(await link.textContent(), /return-label\.pdf\s*88 kB/);
    const [download] = await Promise.all([customer.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'return-label.pdf');
    assert.match(await streamText(await download.createReadStream()), /^%PDF-1\.4/);
    await screenshot(customer, 'files-widget-conversation-360');
  });

  it('both edit a message (Enter saves, Escape cancels) and the other sees "edited" live', async () => {
    // The customer's first message.
    const first = bubble(widget, 'My parcel arrived broken');
    await first.getByRole('button', { name: 'Edit', exact: true }).click();
    const editBox = widget.getByLabel('Edit text');
    await editBox.fill('My parcel arrived badly broken');
    await editBox.press('Enter');
    await bubble(agent, 'My parcel arrived badly broken')
      .getByText('edited')
      .waitFor({ timeout: WAIT_MS });

    // The agent cancels once with Escape, then edits.
    const reply = bubble(agent, 'Here is the return label');
    await reply.getByRole('button', { name: 'Edit', exact: true }).click();
    await agent.getByLabel('Edit text').fill('never saved');
    await agent.getByLabel('Edit text').press('Escape');
    await reply.getByRole('button', { name: 'Edit', exact: true }).waitFor();
    await reply.getByRole('button', { name: 'Edit', exact: true }).click();
    await agent.getByLabel('Edit text').fill('Here is your prepaid return label');
    await agent.getByLabel('Edit text').press('Enter');
    await bubble(widget, 'Here is your prepaid return label')
      .getByText('edited')
      .waitFor({ timeout: WAIT_MS });
    assert.equal(await widget.getByText('never saved').count(), 0);
    // Only one's own messages offer Edit.
    assert.equal(
      await bubble(widget, 'Here is your prepaid return label')
        .getByRole('button', { name: 'Edit', exact: true })
        .count(),
      0,
    );
    await assertAccessible(customer.frame({ url: /widget\.html/ }), 'the widget after edits');
    await assertAccessible(agent, 'the conversation after edits');
    await screenshot(customer, 'files-widget-edited-360');
    await screenshot(agent, 'files-dashboard-edited');
    // The dashboard's conversation with files at a phone's width.
    await agent.setViewportSize({ width: 360, height: 740 });
    await agent.getByRole('button', { name: 'Attach files' }).scrollIntoViewIfNeeded();
    await assertAccessible(agent, 'the conversation with files at 360 px');
    await screenshot(agent, 'files-dashboard-360');
    await agent.setViewportSize({ width: 1280, height: 800 });
  });

  it('another account cannot fetch the files, and nobody without a token', async () => {
    const register = await fetch(`${server.baseUrl}/api/v1/users/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: `mallory.${id}@example.com`, password: 'a-long-password-1' }),
    });
    assert.equal(register.status, 201);
    const login = await fetch(`${server.baseUrl}/api/v1/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: `mallory.${id}@example.com`, password: 'a-long-password-1' }),
    }).then((r) => r.json());
    const url = await agent
      .locator('.sc-msg', { hasText: 'return-label.pdf' })
      .getByRole('link')
      .getAttribute('href');
    assert.match(url, new RegExp(`/api/v1/chats/${chatId}/attachments/`));
    const asMallory = await fetch(`${server.baseUrl}${url}`, {
      headers: { Authorization: `Bearer ${login.data.accessToken}` },
    });
    assert.equal(asMallory.status, 403);
    assert.equal((await fetch(`${server.baseUrl}${url}`)).status, 401);
  });
});

async function streamText(stream) {
  const parts = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts).toString('latin1');
}
