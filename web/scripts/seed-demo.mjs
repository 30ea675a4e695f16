#!/usr/bin/env node
// The demo data set: a realistic support team at work, for trying the app and for the README's
// screenshots (taken by e2e/accessibility.test.mjs from exactly this). Two steps, on a fresh
// database:
//
// 1. History, server stopped: 30 days of chats for the statistics, by the project's generator
//    (src/tools/java/…/GenerateData; its accounts sign in with "generated-password"):
//      java -cp target/support-chat.jar:target/support-chat-tools.jar dev.supportchat.tools.GenerateData \
//          --database-url jdbc:sqlite:data/support-chat.db --chats 240 --messages 1500 --days 30 --admins 2
//    (`generateHistory` below runs exactly this.)
// 2. Today's conversations, server running: this script, through the public REST API the way
//    real people produce them: the admin names themself, invites two agents who join, labels and
//    saved replies are made, and six customers of the demo shop write in, with replies, internal
//    notes, assignments, labels, a resolution with a rating, a closed chat and an urgent one.
//      node web/scripts/seed-demo.mjs --server http://127.0.0.1:8000 \
//          [--email admin@example.com] [--password …]     (default: ADMIN_EMAIL / ADMIN_PASSWORD)
//    Agents and customers it creates sign in with DEMO_PASSWORD. It refuses to run twice.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEMO_PASSWORD = 'demo-password-1';

const TEAM = [
  { key: 'daniel', fullName: 'Daniel Okafor', email: 'daniel@northwind-garden.example' },
  { key: 'priya', fullName: 'Priya Raman', email: 'priya@northwind-garden.example' },
];

const LABELS = [
  { key: 'delivery', name: 'Delivery', colour: '#177245' },
  { key: 'returns', name: 'Returns', colour: '#c9a400' },
  { key: 'billing', name: 'Billing', colour: '#2f6fde' },
  { key: 'vip', name: 'Wholesale', colour: '#7a3fbf' },
];

const SAVED_REPLIES = [
  {
    shortcut: 'thanks',
    body: 'Thank you {{user.name}}, glad we could help! Happy gardening, {{agent.name}}',
  },
  {
    shortcut: 'delivery-times',
    body: 'Orders placed before 2 pm ship the same day; delivery takes 1 to 3 working days.',
  },
];

/**
 * Each customer's chat, in the order they come in (the last one is the newest in the list).
 * `by`: `c` the customer, an agent's key, or `note:<agent>` for an internal note.
 */
const CHATS = [
  {
    key: 'invoice',
    customer: { fullName: 'Kenji Watanabe', email: 'kenji.watanabe@example.com' },
    subject: 'Invoice with our VAT number',
    priority: 'low',
    labels: ['billing'],
    agent: 'priya',
    messages: [
      [
        'c',
        'Hello, could you send the invoice for order 10377 with our VAT number DE 811 907 980?',
      ],
      ['priya', 'Of course. I have added the VAT number and emailed you the new invoice just now.'],
      ['c', 'Got it, thank you very much.'],
    ],
    end: 'closed',
  },
  {
    key: 'refund',
    customer: { fullName: 'Liam O’Connor', email: 'liam.oconnor@example.com' },
    subject: 'Rain barrel arrived cracked',
    priority: 'high',
    labels: ['returns'],
    agent: 'daniel',
    messages: [
      ['c', 'My 200 l rain barrel arrived with a crack along the tap. Photos are in the email.'],
      ['note:daniel', 'Photos confirm transport damage. Carrier claim opened, refund approved.'],
      [
        'daniel',
        'I am sorry about that, Liam. I have refunded the €79.00 to your card; no need to send it back.',
      ],
      ['c', 'That was quick, thanks Daniel!'],
    ],
    end: 'resolved',
    rating: { score: 5, comment: 'Sorted out in ten minutes. Great service.' },
  },
  {
    key: 'seeds',
    customer: { fullName: 'Amara Diallo', email: 'amara.diallo@example.com' },
    subject: 'Tomato seeds not sprouting',
    priority: 'medium',
    labels: [],
    agent: 'priya',
    messages: [
      [
        'c',
        'I sowed the Green Zebra seeds twelve days ago and nothing has come up yet. Is that normal?',
      ],
      [
        'priya',
        'They like it warm: 21 to 27 °C. Are the trays on a windowsill or somewhere heated?',
      ],
      ['note:priya', 'If they still fail in a warm spot, send a replacement packet (order 10412).'],
      ['c', 'On a windowsill facing north, so probably too cold.'],
    ],
  },
  {
    key: 'wholesale',
    customer: { fullName: 'Tomás Rivera', email: 'tomas.rivera@example.com' },
    subject: 'Wrong trowels in our wholesale order',
    priority: 'urgent',
    labels: ['vip'],
    messages: [
      [
        'c',
        'We ordered 40 stainless hand trowels for the shop opening on Saturday and received 40 hand forks.',
      ],
      ['c', 'Can you get the right ones to us by Friday?'],
    ],
  },
  {
    key: 'parcel',
    customer: { fullName: 'Sofia Martins', email: 'sofia.martins@example.com' },
    subject: 'Order 10482 has not arrived',
    priority: 'medium',
    labels: ['delivery'],
    agent: 'daniel',
    messages: [
      ['c', 'Hi! My order 10482 was due yesterday but the tracking has not moved since Monday.'],
      [
        'daniel',
        'Hi Sofia, I am checking with the carrier now. It left our warehouse on Monday at 4 pm.',
      ],
      ['note:daniel', 'Carrier says the depot in Leeds is behind; asked them to prioritise it.'],
      ['daniel', 'The depot is running a day late. Your parcel is on the van tomorrow morning.'],
      ['c', 'Thanks! Will someone need to be home to sign for it?'],
    ],
  },
  {
    key: 'address',
    customer: { fullName: 'Hannah Becker', email: 'hannah.becker@example.com' },
    subject: 'Change the delivery address',
    priority: 'medium',
    labels: ['delivery'],
    messages: [
      [
        'c',
        'I just ordered a set of terracotta pots (order 10501). Could they go to my office instead? Lindenstraße 12, Berlin.',
      ],
    ],
  },
];

/** The customer the widget screenshots sign in as: the chat in progress with an agent. */
export const WIDGET_CHAT = 'parcel';

async function call(baseUrl, method, path, { token, body } = {}) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const envelope = await response.json().catch(() => null);
  if (!response.ok || !envelope?.success) {
    throw new Error(
      `${method} ${path} answered ${response.status}: ${envelope?.message ?? 'no envelope'}`,
    );
  }
  return envelope.data;
}

const login = (baseUrl, email, password) =>
  call(baseUrl, 'POST', '/users/login', { body: { email, password } });

/**
 * Seeds the data set and returns who is who: `{admin, agents: {key: session}, customers:
 * {chatKey: session}, chats: {chatKey: chat}}` (a session: `{user, accessToken, refreshToken}`).
 */
export async function seedDemo({ baseUrl, adminEmail, adminPassword, log = () => {} }) {
  const admin = await login(baseUrl, adminEmail, adminPassword);
  const existing = await call(baseUrl, 'GET', '/labels', { token: admin.accessToken });
  if (existing.some((label) => LABELS.some((l) => l.name === label.name)))
    throw new Error('the demo data set is already on this server (its labels are there)');
  const asAdmin = { token: admin.accessToken };
  await call(baseUrl, 'PATCH', '/users/me', { ...asAdmin, body: { fullName: 'Maya Lindqvist' } });

  const agents = { admin };
  for (const member of TEAM) {
    const invite = await call(baseUrl, 'POST', '/team/invites', {
      ...asAdmin,
      body: { email: member.email, role: 'agent' },
    });
    agents[member.key] = await call(baseUrl, 'POST', '/team/invites/accept', {
      body: { token: invite.token, fullName: member.fullName, password: DEMO_PASSWORD },
    });
    log(`agent ${member.fullName} <${member.email}>`);
  }

  const labels = {};
  for (const label of LABELS) {
    labels[label.key] = await call(baseUrl, 'POST', '/labels', {
      ...asAdmin,
      body: { name: label.name, colour: label.colour },
    });
  }
  for (const reply of SAVED_REPLIES)
    await call(baseUrl, 'POST', '/saved-replies', { ...asAdmin, body: reply });

  const customers = {};
  const chats = {};
  for (const plan of CHATS) {
    const { fullName, email } = plan.customer;
    await call(baseUrl, 'POST', '/users/register', {
      body: { email, password: DEMO_PASSWORD, fullName },
    });
    const customer = await login(baseUrl, email, DEMO_PASSWORD);
    customers[plan.key] = customer;
    const [first, ...rest] = plan.messages;
    let chat = await call(baseUrl, 'POST', '/chats/support', {
      token: customer.accessToken,
      body: { subject: plan.subject, priority: plan.priority, message: first[1] },
    });
    if (plan.agent)
      chat = await call(baseUrl, 'POST', `/chats/${chat._id}/assign`, {
        token: agents[plan.agent].accessToken,
        body: { adminId: agents[plan.agent].user._id },
      });
    for (const [by, content] of rest) {
      const note = by.startsWith('note:');
      const sender = by === 'c' ? customer : agents[note ? by.slice(5) : by];
      // Whoever answers has read what came before, as in the dashboard or the widget.
      await call(baseUrl, 'POST', `/chats/${chat._id}/read`, { token: sender.accessToken });
      await call(baseUrl, 'POST', `/chats/${chat._id}/messages`, {
        token: sender.accessToken,
        body: { content, isInternalNote: note },
      });
    }
    for (const key of plan.labels)
      await call(baseUrl, 'PUT', `/chats/${chat._id}/labels/${labels[key]._id}`, asAdmin);
    if (plan.end)
      chat = await call(baseUrl, 'PUT', `/chats/${chat._id}/status`, {
        token: agents[plan.agent].accessToken,
        body: { status: plan.end },
      });
    if (plan.rating)
      await call(baseUrl, 'POST', `/chats/${chat._id}/rating`, {
        token: customer.accessToken,
        body: plan.rating,
      });
    chats[plan.key] = chat;
    log(`chat "${plan.subject}" from ${fullName}: ${chat.status}`);
  }
  return { admin, agents, customers, chats };
}

/** Step 1: the generator's history into the (new, empty) SQLite database of `dataDir`. */
export function generateHistory(dataDir, jar) {
  const tools = join(dirname(jar), 'support-chat-tools.jar');
  const args = ['--chats', '240', '--messages', '1500', '--days', '30', '--admins', '2'];
  execFileSync(
    'java',
    [
      '-cp',
      `${jar}:${tools}`,
      'dev.supportchat.tools.GenerateData',
      '--database-url',
      `jdbc:sqlite:${join(dataDir, 'support-chat.db')}`,
      ...args,
    ],
    { stdio: 'ignore' },
  );
}

function option(args, name, fallback) {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const baseUrl = option(args, 'server', 'http://127.0.0.1:8000').replace(/\/+$/, '');
  const adminEmail = option(args, 'email', process.env.ADMIN_EMAIL);
  const adminPassword = option(args, 'password', process.env.ADMIN_PASSWORD);
  if (!adminEmail || !adminPassword) {
    console.error(
      'seed-demo: give --email and --password of the admin (or ADMIN_EMAIL/ADMIN_PASSWORD)',
    );
    process.exit(2);
  }
  try {
    await seedDemo({ baseUrl, adminEmail, adminPassword, log: (line) => console.log(line) });
    console.log(`Done. Agents and customers sign in with the password ${DEMO_PASSWORD}.`);
    console.log(`Dashboard: ${baseUrl}/admin/support · demo shop with the widget: ${baseUrl}/`);
  } catch (error) {
    console.error(`seed-demo: ${error.message}`);
    process.exit(1);
  }
}
