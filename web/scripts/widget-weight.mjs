// Benchmark: what the widget costs a host page (issue 18, "no weight before the first click").
// Opens the demo host page (/) in headless chromium and adds up the bytes on the wire (compressed,
// headers included, as Chrome's DevTools counts them) at three moments: when the page's load event
// fires, once the page has been idle for 3 s with the widget closed, and after the visitor opens
// it. Usage (from web/, after building the jar):
//   node scripts/widget-weight.mjs                     # the jar in ../target
//   E2E_JAR=/path/to/other.jar node scripts/widget-weight.mjs
import { launchBrowser, startServer } from '../e2e/harness.mjs';

const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  const urls = [];
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  cdp.on('Network.requestWillBeSent', (e) => urls.push(e.request.url.replace(server.baseUrl, '')));
  // Frames (the widget's iframe) are reported to their own target; auto-attach to count them too.
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: true,
  });
  const sample = () => ({ bytes, requests });

  await page.goto(`${server.baseUrl}/`, { waitUntil: 'load' });
  const atLoad = sample();
  const urlsAtLoad = urls.length;
  await page.waitForTimeout(3000);
  const closed = sample();
  const frame = page.frameLocator('iframe[data-support-chat]');
  await frame.getByRole('button', { name: /chat/i }).first().click();
  await page.waitForTimeout(3000);
  const opened = sample();

  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`jar: ${process.env.E2E_JAR ?? '../target/support-chat.jar'}`);
  console.log(`at the load event:        ${kb(atLoad.bytes)} in ${atLoad.requests} responses`);
  console.log(`idle 3 s, widget closed:  ${kb(closed.bytes)} in ${closed.requests} responses`);
  console.log(`after opening the widget: ${kb(opened.bytes)} in ${opened.requests} responses`);
  console.log(`requested before the load event: ${urls.slice(0, urlsAtLoad).join(' ')}`);
} finally {
  await browser.close();
  await server.stop();
}
