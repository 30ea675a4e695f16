// Test harness of the end-to-end tests: the server under test and Debian's headless chromium.
//
// E2E_BASE_URL      the running server to test (e.g. http://127.0.0.1:8000). When unset, the
//                   harness starts ../target/support-chat.jar (or E2E_JAR) on a free port with a
//                   fresh data directory and stops it afterwards.
// E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD   an admin of that server (defaults match the started jar).
// E2E_SCREENSHOTS   where screenshots go (default e2e/artifacts/screenshots).
// CHROMIUM_PATH     the browser (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const STARTUP_TIMEOUT_MS = 60_000;

export const admin = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'e2e-admin@example.com',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password',
};

export const screenshotDir = resolve(
  process.env.E2E_SCREENSHOTS ?? join(here, 'artifacts', 'screenshots'),
);

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

async function waitForHealth(baseUrl, child) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${baseUrl} did not become healthy`);
}

/**
 * The server under test: the given one, or a fresh jar on a free port with `env` added to its
 * environment (a given E2E_BASE_URL must already be configured like that). `prepare(dataDir, jar)`
 * runs before the jar starts, on its empty data directory (e.g. to generate a history).
 */
export async function startServer({ env: extraEnv = {}, prepare = null } = {}) {
  const given = process.env.E2E_BASE_URL;
  if (given) {
    const baseUrl = given.replace(/\/+$/, '');
    await waitForHealth(baseUrl, null);
    return { baseUrl, stop: async () => {} };
  }
  const jar = resolve(process.env.E2E_JAR ?? join(here, '..', '..', 'target', 'support-chat.jar'));
  if (!existsSync(jar))
    throw new Error(`no E2E_BASE_URL and no jar at ${jar}: build the server first`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'support-chat-e2e-'));
  if (prepare) await prepare(dataDir, jar);
  // A fresh SQLite database on one node, whatever the calling shell has configured.
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  env.ADMIN_EMAIL = admin.email;
  env.ADMIN_PASSWORD = admin.password;
  Object.assign(env, extraEnv);
  const child = spawn('java', ['-jar', jar], {
    cwd: dataDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${log.slice(-4000)}`);
  }
  return {
    baseUrl,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

export { freePort };

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--mute-audio'],
  });
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}
