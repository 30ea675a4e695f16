// A customer's website for the end-to-end tests: another origin (its own port) whose tiny
// backend signs identity tokens for "its" signed-in users with node's crypto (HS256), exactly as
// the README tells a host to, plus broken tokens for the refusal tests.
//
//   /?user=<sub>&name=<name>&email=<email>&token=valid|expired|tampered|other-secret|none
//       a page with the widget snippet; with user=, data-identity-token carries a token
//   /token?user=<sub>&name=…     {"token": "<fresh valid token>"} for SupportChat('identify')
import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const b64url = (value) => Buffer.from(value).toString('base64url');

/** A JWT signed with HS256 by `secret` (or unsigned with alg none). */
export function signToken(claims, secret, alg = 'HS256') {
  const head = b64url(JSON.stringify({ alg, typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  if (alg === 'none') return `${head}.${body}.`;
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** The token a host backend would sign for its user, or one of the broken kinds. */
export function tokenFor({ sub, name, email }, secret, kind = 'valid') {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub, iat: now, exp: now + 300, jti: randomUUID() };
  if (name) claims.name = name;
  if (email) claims.email = email;
  switch (kind) {
    case 'expired':
      return signToken({ ...claims, iat: now - 900, exp: now - 600 }, secret);
    case 'tampered': {
      // Signed for one user, then the payload is swapped to claim another.
      const [head, , signature] = signToken(claims, secret).split('.');
      return `${head}.${b64url(JSON.stringify({ ...claims, sub: 'admin' }))}.${signature}`;
    }
    case 'other-secret':
      return signToken(claims, 'a-completely-different-secret-of-forty-bytes!');
    case 'none':
      return signToken(claims, secret, 'none');
    default:
      return signToken(claims, secret);
  }
}

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(widgetServer, token, who) {
  const tokenAttribute = token ? ` data-identity-token="${escape(token)}"` : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Acme Outdoor – Your orders</title>
    <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}</style>
  </head>
  <body>
    <main>
      <h1>Acme Outdoor</h1>
      <p id="who">${who ? `Signed in as ${escape(who)}` : 'Not signed in'}</p>
      <p>Unread support messages: <span id="unread">none reported</span></p>
    </main>
    <script>
      window.SupportChat = window.SupportChat || function () {
        (window.SupportChat.q = window.SupportChat.q || []).push(arguments);
      };
      SupportChat('on', 'unread', function (count) {
        document.getElementById('unread').textContent = String(count);
      });
    </script>
    <script src="${widgetServer}/widget.js" data-server="${widgetServer}"${tokenAttribute} async></script>
  </body>
</html>`;
}

/** Starts the host site on `port`; `widgetServer()` is the support server's URL (known later). */
export function startHostSite({ port, secret, widgetServer }) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const sub = url.searchParams.get('user');
    const user = {
      sub,
      name: url.searchParams.get('name') ?? undefined,
      email: url.searchParams.get('email') ?? undefined,
    };
    if (url.pathname === '/token' && sub) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ token: tokenFor(user, secret) }));
      return;
    }
    if (url.pathname === '/') {
      const kind = url.searchParams.get('token') ?? 'valid';
      const token = sub ? tokenFor(user, secret, kind) : null;
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(page(widgetServer(), token, user.name ?? sub));
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () =>
      ok({ origin: `http://127.0.0.1:${port}`, stop: () => new Promise((d) => server.close(d)) }),
    ),
  );
}
