import { describe, expect, it } from 'vitest';
import type { SavedReply } from '../../shared/api/inbox';
import { fillTemplate, matchReplies, moveActive, slashQuery } from './templates';

const values = { 'user.name': 'Ana', 'user.email': 'ana@example.org', 'agent.name': 'Bo' };

const reply = (shortcut: string, body = `Body of ${shortcut}`): SavedReply => ({
  _id: shortcut,
  shortcut,
  body,
  unknownVariables: [],
  createdAt: '',
  updatedAt: '',
});

describe('fillTemplate', () => {
  it('fills the known variables, with or without spaces inside the braces', () => {
    expect(
      fillTemplate('Hi {{user.name}} ({{ user.email }}), {{agent.name}} here.', values),
    ).toEqual({ text: 'Hi Ana (ana@example.org), Bo here.', unfilled: [] });
  });

  it('leaves an unknown variable exactly as written and names it once', () => {
    expect(fillTemplate('Order {{order.id}} and {{ order.id }} for {{user.name}}', values)).toEqual(
      {
        text: 'Order {{order.id}} and {{ order.id }} for Ana',
        unfilled: ['order.id'],
      },
    );
  });

  it('leaves a known variable visible when this chat has no value for it', () => {
    expect(fillTemplate('Mail {{user.email}}', { ...values, 'user.email': null })).toEqual({
      text: 'Mail {{user.email}}',
      unfilled: ['user.email'],
    });
    expect(fillTemplate('Hi {{user.name}}', { ...values, 'user.name': ' ' }).unfilled).toEqual([
      'user.name',
    ]);
  });

  it('does not read inherited properties as variables', () => {
    expect(fillTemplate('{{constructor}} {{toString}}', values).text).toBe(
      '{{constructor}} {{toString}}',
    );
  });

  it('inserts a value with $ signs literally', () => {
    expect(fillTemplate('{{user.name}}', { ...values, 'user.name': "$& $1 $'" }).text).toBe(
      "$& $1 $'",
    );
  });
});

describe('slashQuery', () => {
  it('opens on a slash at the start and follows the partial shortcut', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/Ref')).toBe('ref');
    expect(slashQuery('/late-order_2')).toBe('late-order_2');
  });

  it('stays closed for a slash later in the text, a space, or a new line', () => {
    expect(slashQuery('')).toBeNull();
    expect(slashQuery('see /refund')).toBeNull();
    expect(slashQuery('/refund now')).toBeNull();
    expect(slashQuery('/refund\n')).toBeNull();
  });
});

describe('matchReplies', () => {
  const all = [
    reply('thanks'),
    reply('refund'),
    reply('prefund'),
    reply('hello', 'A refund is on its way'),
  ];

  it('puts shortcuts starting with the query first, then containing it, then bodies', () => {
    expect(matchReplies(all, 'ref').map((r) => r.shortcut)).toEqual(['refund', 'prefund', 'hello']);
  });

  it('lists every reply, by shortcut, for an empty query, at most eight', () => {
    expect(matchReplies(all, '').map((r) => r.shortcut)).toEqual([
      'hello',
      'prefund',
      'refund',
      'thanks',
    ]);
    const many = Array.from({ length: 12 }, (_, i) => reply(`r${String(i).padStart(2, '0')}`));
    expect(matchReplies(many, '')).toHaveLength(8);
  });

  it('finds nothing for a query nothing contains', () => {
    expect(matchReplies(all, 'zzz')).toEqual([]);
  });
});

describe('moveActive', () => {
  it('wraps around both ends', () => {
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(1, 3, 1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(0);
  });
});
