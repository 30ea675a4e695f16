// End-to-end for the team (issue 16): an admin turns on automatic assignment and invites an agent
// by link; the agent joins, goes away and comes back; a user's new chat is assigned to the agent
// automatically, and the agent answers it with a saved reply using the keyboard only (j opens the
// chat, / opens the saved replies, arrows and Enter insert and send); a label the lead puts on the
// chat reaches the agent's list live.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, launchBrowser, screenshot, startServer } from './harness.mjs';

const WAIT_MS = 15_000;
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

async function noSidewaysScrolling(p, what) {
  const overflow = await p.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth + 1,
  );
  const wide = await p.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => e.tagName + '.' + e.className)
      .slice(0, 5),
  );
  assert.equal(overflow, false, `${what}: no sideways scrolling (too wide: ${wide.join(', ')})`);
}

async function page(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return { context, page: await context.newPage() };
}

describe('a team lead invites an agent who gets the next chat automatically', () => {
  const id = `${Date.now()}`;
  const agentEmail = `agent.${id}@example.com`;
  let lead;
  let agent;
  let inviteLink;

  it('the admin signs in, turns on automatic assignment and goes away', async () => {
    lead = await page();
    await lead.page.goto(`${server.baseUrl}/admin/support`);
    await lead.page.getByLabel('Email').fill(admin.email);
    await lead.page.getByLabel('Password').fill(admin.password);
    await lead.page.getByRole('button', { name: 'Sign in' }).click();
    await lead.page.getByRole('link', { name: 'Team' }).click();
    await lead.page.getByRole('heading', { name: 'Team' }).waitFor({ timeout: WAIT_MS });
    await lead.page.getByLabel('Assign new chats automatically').check();
    await lead.page.getByRole('button', { name: 'Save' }).click();
    await lead.page.getByText('Settings saved.').waitFor({ timeout: WAIT_MS });
    await lead.page.getByText(/New chats go automatically/).waitFor({ timeout: WAIT_MS });
    await lead.page.getByRole('button', { name: 'Online' }).click();
    await lead.page.getByRole('button', { name: 'Away' }).waitFor({ timeout: WAIT_MS });
  });

  it('the admin invites a colleague and gets a link to copy', async () => {
    await lead.page
      .getByRole('region', { name: 'Invite a colleague' })
      .getByLabel('Email')
      .fill(agentEmail);
    await lead.page.getByRole('button', { name: 'Create invite link' }).click();
    const link = lead.page.getByLabel(/Invite link for/);
    await link.waitFor({ timeout: WAIT_MS });
    inviteLink = await link.inputValue();
    assert.match(inviteLink, /\/admin\/support#invite=[A-Za-z0-9_-]{40,}$/);
    await lead.page.getByRole('button', { name: 'Copy link' }).click();
    await lead.page.getByText(/Link copied/).waitFor({ timeout: WAIT_MS });
    await screenshot(lead.page, 'team-1280');
  });

  it('the invitee opens the link, chooses a name and password with the keyboard, and is in', async () => {
    agent = await page();
    await agent.page.goto(inviteLink);
    await agent.page.getByText(agentEmail).waitFor({ timeout: WAIT_MS });
    await screenshot(agent.page, 'team-invite');
    await agent.page.getByLabel('Your name').focus();
    await agent.page.keyboard.type('Alex Agent');
    await agent.page.keyboard.press('Tab');
    await agent.page.keyboard.type('agent-password-1');
    await agent.page.keyboard.press('Enter');
    await agent.page
      .getByRole('navigation', { name: 'Support chats' })
      .waitFor({ timeout: WAIT_MS });
    assert.equal(new URL(agent.page.url()).hash, '', 'the token leaves the address bar');
  });

  it('the link works only once', async () => {
    const again = await page();
    await again.page.goto(inviteLink);
    await again.page
      .getByRole('alert')
      .getByText(/already used/)
      .waitFor({ timeout: WAIT_MS });
    await again.context.close();
  });

  it('the agent goes away and comes back with the keyboard', async () => {
    const toggle = agent.page.getByRole('button', { name: 'Online' });
    await toggle.waitFor({ timeout: WAIT_MS });
    await toggle.focus();
    await agent.page.keyboard.press('Enter');
    await agent.page.getByRole('button', { name: 'Away' }).waitFor({ timeout: WAIT_MS });
    await agent.page.keyboard.press('Enter');
    await agent.page.getByRole('button', { name: 'Online' }).waitFor({ timeout: WAIT_MS });
  });

  it('the admin adds a saved reply on the Replies page', async () => {
    await lead.page.getByRole('link', { name: 'Replies' }).click();
    await lead.page
      .getByRole('heading', { name: 'Saved replies and labels' })
      .waitFor({ timeout: WAIT_MS });
    await lead.page.getByText('No saved replies yet.').waitFor({ timeout: WAIT_MS });
    const form = lead.page.getByRole('form', { name: 'New saved reply' });
    await form.getByLabel('Shortcut').fill('parcel');
    await form
      .getByLabel('Text')
      .fill('Hi {{user.name}}, {{agent.name}} here: it left our warehouse today ({{order.id}}).');
    await form.getByRole('button', { name: 'Add saved reply' }).click();
    await lead.page
      .getByText(/Saved \/parcel\. Note: \{\{order\.id\}\}/)
      .waitFor({ timeout: WAIT_MS });
    await lead.page
      .locator('.scd-replies__shortcut', { hasText: '/parcel' })
      .waitFor({ timeout: WAIT_MS });
    await screenshot(lead.page, 'replies-1280');
  });

  it('a user writes; the chat goes to the online agent, who answers with the keyboard only', async () => {
    const user = await page();
    await user.page.goto(`${server.baseUrl}/`);
    const widget = user.page.frameLocator('iframe[data-support-chat]');
    await widget.getByRole('button', { name: /Open support chat/ }).click();
    await widget.getByRole('button', { name: 'Create an account', exact: true }).click();
    await widget.getByLabel('Your name').fill(`Uma ${id}`);
    await widget.getByLabel('Email').fill(`uma.${id}@example.com`);
    await widget.getByLabel('Password').fill('a-long-password-1');
    await widget.getByRole('button', { name: 'Create account' }).click();
    await widget.getByLabel('Message').fill('Where is my parcel?');
    await widget.getByRole('button', { name: 'Start conversation' }).click();

    const item = agent.page.locator('.scd-item', { hasText: `Uma ${id}` });
    await item.waitFor({ timeout: WAIT_MS });
    // Keyboard only from here: the focus is on the availability toggle, not in a field.
    await agent.page.keyboard.press('?');
    const dialog = agent.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor({ timeout: WAIT_MS });
    await dialog.getByText('Resolve the open chat').waitFor();
    await agent.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: WAIT_MS });
    await agent.page.keyboard.press('j');
    await agent.page
      .getByRole('region', { name: `Conversation with Uma ${id}` })
      .waitFor({ timeout: WAIT_MS });
    await agent.page
      .locator('.scd-controls__assignee', { hasText: 'you' })
      .waitFor({ timeout: WAIT_MS });
    await agent.page.keyboard.press('/');
    const picker = agent.page.getByRole('listbox', { name: 'Saved replies' });
    await picker.waitFor({ timeout: WAIT_MS });
    await agent.page.keyboard.type('par');
    await picker.getByRole('option', { name: /\/parcel/, selected: true }).waitFor();
    await screenshot(agent.page, 'saved-reply-picker');
    await agent.page.keyboard.press('ArrowDown'); // one reply: the arrows wrap to it again
    await agent.page.keyboard.press('Enter');
    const answer = `Hi Uma ${id}, Alex Agent here: it left our warehouse today ({{order.id}}).`;
    assert.equal(await agent.page.getByLabel('Reply').inputValue(), answer);
    await agent.page.getByText(/Check before sending: \{\{order\.id\}\}/).waitFor();
    await agent.page.keyboard.press('Enter');
    await widget.getByText(answer).waitFor({ timeout: WAIT_MS });
    assert.equal(await agent.page.getByLabel('Reply').inputValue(), '');

    // In the text box n is a letter; Tab to the note checkbox and n switches reply and note.
    await agent.page.keyboard.press('Tab');
    await agent.page.keyboard.press('n');
    await agent.page.getByRole('textbox', { name: 'Internal note' }).waitFor({ timeout: WAIT_MS });
    await agent.page.keyboard.press('n');
    await agent.page.getByRole('textbox', { name: 'Reply' }).waitFor({ timeout: WAIT_MS });

    // A label the lead puts on the chat appears on the agent's list row, live.
    await lead.page.goto(`${server.baseUrl}/admin/support`);
    await lead.page
      .locator('.scd-item', { hasText: `Uma ${id}` })
      .getByRole('link')
      .click();
    await lead.page.getByLabel('Add a label').selectOption({ label: 'New label…' });
    await lead.page.getByLabel('Name of the new label').fill('Shipping');
    await lead.page
      .getByRole('group', { name: 'Labels of this chat' })
      .getByRole('button', { name: 'Add' })
      .click();
    await lead.page.getByRole('button', { name: 'Remove label Shipping' }).waitFor();
    await item.getByText('Shipping').waitFor({ timeout: WAIT_MS });
    await screenshot(agent.page, 'labels-1280');

    await agent.page.keyboard.press('e');
    await agent.page.getByRole('status').getByText('Chat resolved.').waitFor({ timeout: WAIT_MS });

    await lead.page.goto(`${server.baseUrl}/admin/support/team`);
    await lead.page
      .getByTestId('queue-summary')
      .getByText('No chat is waiting')
      .waitFor({ timeout: WAIT_MS });
    const row = lead.page.getByRole('row', { name: /Alex Agent/ });
    await row.getByText('0 of 5').waitFor({ timeout: WAIT_MS }); // resolved with e
    await user.context.close();
  });

  it('the Team and Replies pages and a conversation work at 360 px', async () => {
    const phone = await page({ width: 360, height: 740 });
    const state = await lead.context.storageState();
    await phone.context.close();
    const small = await browser.newContext({
      viewport: { width: 360, height: 740 },
      storageState: state,
    });
    const p = await small.newPage();
    const pages = [
      ['team', 'Members', 'team-360'],
      ['replies', 'Labels', 'replies-360'],
    ];
    for (const [path, heading, shot] of pages) {
      await p.goto(`${server.baseUrl}/admin/support/${path}`);
      await p.getByRole('heading', { name: heading, exact: true }).waitFor({ timeout: WAIT_MS });
      await screenshot(p, shot);
      await noSidewaysScrolling(p, path);
    }
    await p.goto(`${server.baseUrl}/admin/support`);
    await p.locator('.scd-item').first().getByRole('link').click();
    await p.getByRole('group', { name: 'Labels of this chat' }).waitFor({ timeout: WAIT_MS });
    await p.keyboard.press('/');
    await p.getByRole('listbox', { name: 'Saved replies' }).waitFor({ timeout: WAIT_MS });
    await screenshot(p, 'conversation-labels-360');
    await noSidewaysScrolling(p, 'conversation');
    await small.close();
  });
});
