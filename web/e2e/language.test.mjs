// End-to-end: the widget speaks the language the host page names in data-locale (German; Arabic
// right to left, in the bottom-left corner, at 360 px and on a desktop), else the browser's
// (Spanish); the dashboard switches to French from its language choice and keeps it after a
// reload. axe-core finds nothing in German, Arabic or French.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './axe.mjs';
import { admin, freePort, launchBrowser, screenshot, startServer } from './harness.mjs';

const WAIT_MS = 20_000;
let server;
let host;
let browser;

/** A host site on its own origin: /?locale=de&theme=dark puts data-locale="de" data-theme="dark" on the snippet. */
function startHost(port, widgetServer) {
  const site = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const attribute = ['locale', 'theme', 'color']
      .filter((name) => url.searchParams.has(name))
      .map((name) => ` data-${name}="${url.searchParams.get(name).replace(/[^A-Za-z0-9#-]/g, '')}"`)
      .join('');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Shop</title>
  <meta name="viewport" content="width=device-width, initial-scale=1"></head>
  <body><main><h1>Shop</h1><p>A page that embeds the support chat.</p></main>
    <script src="${widgetServer}/widget.js" data-server="${widgetServer}"${attribute} async></script>
  </body>
</html>`);
  });
  return new Promise((ok) =>
    site.listen(port, '127.0.0.1', () =>
      ok({ origin: `http://127.0.0.1:${port}`, stop: () => new Promise((d) => site.close(d)) }),
    ),
  );
}

before(async () => {
  const hostPort = await freePort();
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  server = await startServer({
    env: { WIDGET_VISITORS: 'off', WIDGET_FRAME_ANCESTORS: hostOrigin, CORS_ORIGIN: hostOrigin },
  });
  host = await startHost(hostPort, server.baseUrl);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
  await server?.stop();
});

async function openWidget({ locale, query, browserLocale = 'en-US', width = 360, height = 800 }) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: browserLocale,
  });
  const page = await context.newPage();
  await page.goto(`${host.origin}/${query ?? (locale ? `?locale=${locale}` : '')}`);
  const bubble = page.frameLocator('iframe[data-support-chat]').locator('.scw-bubble');
  await bubble.waitFor({ timeout: WAIT_MS });
  await bubble.click();
  const frame = page.frames().find((f) => f.url().includes('/widget.html'));
  assert.ok(frame, 'the widget frame is there');
  return { context, page, frame, widget: page.frameLocator('iframe[data-support-chat]') };
}

describe('the widget in the host page’s language', () => {
  it('speaks German with data-locale="de", in the data-theme and data-color the page sets', async () => {
    // All three travel in the frame's address together (embed/protocol.ts frameParams).
    const { context, page, frame, widget } = await openWidget({
      query: '?locale=de&theme=dark&color=%23006655',
    });
    try {
      await widget
        .getByRole('heading', { name: 'Melden Sie sich an, um mit uns zu chatten' })
        .waitFor({ timeout: WAIT_MS });
      await widget.getByRole('button', { name: 'Chat schließen' }).waitFor();
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'de');
      assert.equal(await frame.evaluate(() => document.documentElement.dir), 'ltr');
      assert.equal(
        await page.locator('iframe[data-support-chat]').getAttribute('title'),
        'Support-Chat',
      );
      assert.equal(
        await frame.evaluate(() => document.getElementById('root')?.dataset.theme),
        'dark',
      );
      assert.equal(
        await frame.evaluate(() =>
          document.getElementById('root')?.style.getPropertyValue('--sc-accent'),
        ),
        '#006655',
      );
      await assertAccessible(frame, 'the German widget');
      await screenshot(page, 'language-widget-de-360');
    } finally {
      await context.close();
    }
  });

  it('speaks Arabic right to left with data-locale="ar", at 360 px and on a desktop', async () => {
    const { context, page, frame, widget } = await openWidget({ locale: 'ar' });
    try {
      await widget
        .getByRole('heading', { name: 'سجّل الدخول للدردشة معنا' })
        .waitFor({ timeout: WAIT_MS });
      assert.equal(await frame.evaluate(() => document.documentElement.dir), 'rtl');
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'ar');
      // An account, then a message: the conversation itself is mirrored too.
      await widget.getByRole('button', { name: 'إنشاء حساب' }).click();
      await widget.getByLabel('اسمك').fill('ليلى');
      await widget.getByLabel('البريد الإلكتروني').fill(`layla.${Date.now()}@example.com`);
      await widget.getByLabel('كلمة المرور').fill('a-long-password-1');
      await widget.getByRole('button', { name: 'إنشاء الحساب' }).click();
      await widget.getByLabel('الرسالة').fill('مرحبًا، لدي سؤال عن طلبي');
      await widget.getByRole('button', { name: 'بدء المحادثة' }).click();
      await widget.getByText('مرحبًا، لدي سؤال عن طلبي').waitFor({ timeout: WAIT_MS });
      await widget.getByText('التذكرة: مفتوحة').waitFor({ timeout: WAIT_MS });
      // Own messages sit at the inline end: on the left in Arabic.
      const own = await frame.evaluate(() => {
        const bubble = document.querySelector('.sc-msg--own');
        const list = bubble?.parentElement;
        if (!bubble || !list) return null;
        const b = bubble.getBoundingClientRect();
        const l = list.getBoundingClientRect();
        return { fromLeft: b.left - l.left, fromRight: l.right - b.right };
      });
      assert.ok(
        own && own.fromLeft < own.fromRight,
        `own message on the left: ${JSON.stringify(own)}`,
      );
      await assertAccessible(frame, 'the Arabic widget with a conversation');
      await screenshot(page, 'language-widget-ar-360');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForTimeout(300);
      // On a desktop the frame sits in the bottom-left corner, mirrored like its layout.
      const box = await page.locator('iframe[data-support-chat]').boundingBox();
      assert.ok(box && box.x === 0, `the widget frame is at the left edge: ${JSON.stringify(box)}`);
      await screenshot(page, 'language-widget-ar-desktop');
    } finally {
      await context.close();
    }
  });

  it('follows the browser’s language when the page names none', async () => {
    const { context, widget, frame } = await openWidget({ browserLocale: 'es-ES' });
    try {
      await widget
        .getByRole('heading', { name: 'Inicia sesión para chatear con nosotros' })
        .waitFor({ timeout: WAIT_MS });
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'es');
    } finally {
      await context.close();
    }
  });
});

/** The dashboard's sign-in page in a browser whose language is `browserLocale`. */
async function openDashboard(viewport, browserLocale) {
  const context = await browser.newContext({ viewport, locale: browserLocale });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/admin/support`);
  return { context, page };
}

describe('the dashboard in the agent’s language', () => {
  it('switches to French and keeps it after a reload', async () => {
    const { context, page } = await openDashboard({ width: 1280, height: 800 }, 'en-US');
    try {
      await page.getByRole('heading', { name: 'Support dashboard' }).waitFor({ timeout: WAIT_MS });
      await page.getByLabel('Language').selectOption('fr');
      await page
        .getByRole('heading', { name: 'Tableau de bord du support' })
        .waitFor({ timeout: WAIT_MS });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
      assert.equal(await page.title(), 'Tableau de bord du support');
      await page.getByLabel('E-mail').fill(admin.email);
      await page.getByLabel('Mot de passe').fill(admin.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('link', { name: 'Statistiques' }).waitFor({ timeout: WAIT_MS });
      await page.getByText('Sélectionnez une conversation pour la lire et y répondre.').waitFor();
      assert.match(await page.title(), /Tableau de bord du support/);
      await assertAccessible(page, 'the French chat list');
      await screenshot(page, 'language-dashboard-fr');

      await page.reload();
      await page.getByRole('link', { name: 'Statistiques' }).click();
      await page.getByRole('heading', { name: 'Statistiques', level: 1 }).waitFor({
        timeout: WAIT_MS,
      });
      await page.getByText('Conversations par statut').waitFor();
      await assertAccessible(page, 'the French statistics');
      await screenshot(page, 'language-dashboard-fr-stats');

      // Back to English, as the other browser tests expect of a fresh browser anyway.
      await page.getByLabel('Langue').selectOption('en');
      await page.getByRole('link', { name: 'Statistics' }).waitFor({ timeout: WAIT_MS });
    } finally {
      await context.close();
    }
  });

  it('mirrors the Arabic dashboard at 360 px', async () => {
    const { context, page } = await openDashboard({ width: 360, height: 800 }, 'ar-EG');
    try {
      await page.getByRole('heading', { name: 'لوحة تحكم الدعم' }).waitFor({ timeout: WAIT_MS });
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      await page.getByLabel('البريد الإلكتروني').fill(admin.email);
      await page.getByLabel('كلمة المرور').fill(admin.password);
      await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
      await page.getByRole('link', { name: 'الإحصاءات' }).waitFor({ timeout: WAIT_MS });
      const first = page.locator('.scd-item__link').first();
      await first.waitFor({ timeout: WAIT_MS });
      await first.click();
      await page.getByRole('link', { name: /كل المحادثات/ }).waitFor({ timeout: WAIT_MS });
      await assertAccessible(page, 'an Arabic conversation at 360 px');
      await screenshot(page, 'language-dashboard-ar-360');
    } finally {
      await context.close();
    }
  });
});
