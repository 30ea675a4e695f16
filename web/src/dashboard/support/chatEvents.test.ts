import { describe, expect, it } from 'vitest';
import type { ChatEvent, UserRef } from '../../shared/types';
import { eventNotices, eventSentence } from './chatEvents';

const ann: UserRef = {
  _id: 'a'.repeat(24),
  fullName: 'Ann Agent',
  email: 'ann@example.org',
  isAdmin: true,
};
const bob: UserRef = {
  _id: 'b'.repeat(24),
  fullName: 'Bob Boss',
  email: 'bob@example.org',
  isAdmin: true,
};
const dana: UserRef = {
  _id: 'd'.repeat(24),
  fullName: 'Dana Customer',
  email: 'dana@example.org',
  isAdmin: false,
};

function event(partial: Partial<ChatEvent>): ChatEvent {
  return {
    _id: 'e'.repeat(24),
    chatId: 'c'.repeat(24),
    type: 'assigned',
    actor: null,
    from: null,
    to: null,
    createdAt: '2026-12-06T10:00:00.000Z',
    ...partial,
  };
}

describe('eventSentence', () => {
  it('says who took, handed over, gave back, resolved and reopened a chat', () => {
    expect(eventSentence(event({ to: ann }))).toBe('Assigned automatically to Ann Agent');
    expect(eventSentence(event({ actor: ann, to: ann }))).toBe('Ann Agent took the chat');
    expect(eventSentence(event({ actor: bob, to: ann }))).toBe(
      'Bob Boss assigned the chat to Ann Agent',
    );
    expect(eventSentence(event({ actor: bob, from: ann }))).toBe(
      'Bob Boss put the chat back in the queue',
    );
    expect(eventSentence(event({ from: ann }))).toBe(
      'Put back in the queue automatically (it was with Ann Agent)',
    );
    expect(
      eventSentence(event({ type: 'status', actor: ann, from: 'in-progress', to: 'resolved' })),
    ).toBe('Ann Agent set the status to Resolved');
    expect(
      eventSentence(event({ type: 'status', actor: dana, from: 'resolved', to: 'open' })),
    ).toBe('Dana Customer reopened the chat by writing');
  });
});

describe('eventNotices', () => {
  it('shows the events from the first loaded message on', () => {
    const events = [
      event({ _id: '1'.repeat(24), to: ann, createdAt: '2026-12-06T09:00:00.000Z' }),
      event({ _id: '2'.repeat(24), to: bob, createdAt: '2026-12-06T11:00:00.000Z' }),
    ];
    expect(eventNotices(events, null)).toHaveLength(2);
    const later = eventNotices(events, '2026-12-06T10:00:00.000Z');
    expect(later.map((n) => n.id)).toEqual([`event-${'2'.repeat(24)}`]);
  });
});
