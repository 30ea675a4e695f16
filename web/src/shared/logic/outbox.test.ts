import { describe, expect, it } from 'vitest';
import {
  enqueue,
  markDisconnected,
  markRejected,
  markSending,
  markSent,
  markUnanswered,
  reconcile,
  retry,
  sendable,
  type OutboxEntry,
} from './outbox';

const base = {
  chatId: 'c1',
  content: 'hello',
  isInternalNote: false,
  createdAt: '2026-01-01T10:00:00Z',
};

function withOne(): OutboxEntry[] {
  return enqueue([], { ...base, clientMessageId: 'm1' });
}

describe('outbox', () => {
  it('queues a message typed while offline', () => {
    const box = withOne();
    expect(box).toHaveLength(1);
    expect(box[0]).toMatchObject({ state: 'queued', attempts: 0 });
    expect(sendable(box).map((e) => e.clientMessageId)).toEqual(['m1']);
  });

  it('does not queue the same clientMessageId twice', () => {
    expect(enqueue(withOne(), { ...base, clientMessageId: 'm1' })).toHaveLength(1);
  });

  it('removes the entry when the server acknowledges it', () => {
    const box = markSent(markSending(withOne(), 'm1'), 'm1');
    expect(box).toEqual([]);
  });

  it('sends a message typed offline exactly once when the connection returns', () => {
    let box = withOne();
    // Reconnect: the driver sends everything sendable.
    for (const e of sendable(box)) box = markSending(box, e.clientMessageId);
    expect(box[0]).toMatchObject({ state: 'sending', attempts: 1 });
    // A second "connect" event while the first send is in flight must not send it again.
    expect(sendable(box)).toEqual([]);
  });

  it('resends an unanswered message once on reconnect, then gives up', () => {
    let box = markSending(withOne(), 'm1');
    box = markDisconnected(box);
    expect(box[0]).toMatchObject({ state: 'queued', attempts: 1 });
    expect(sendable(box)).toHaveLength(1);
    box = markSending(box, 'm1');
    box = markDisconnected(box);
    expect(box[0]).toMatchObject({ state: 'failed', attempts: 2 });
    expect(sendable(box)).toEqual([]);
  });

  it('fails at once when the server rejects the message', () => {
    const box = markRejected(markSending(withOne(), 'm1'), 'm1', 'Too long');
    expect(box[0]).toMatchObject({ state: 'failed', error: 'Too long' });
    expect(sendable(box)).toEqual([]);
  });

  it('a manual retry makes a failed message sendable again', () => {
    let box = markUnanswered(
      markSending(markUnanswered(markSending(withOne(), 'm1'), 'm1'), 'm1'),
      'm1',
    );
    expect(box[0]?.state).toBe('failed');
    box = retry(box, 'm1');
    expect(box[0]).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('leaves queued entries alone when disconnected', () => {
    const box = markDisconnected(withOne());
    expect(box[0]).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('drops entries whose message already arrived through the room', () => {
    const box = enqueue(withOne(), { ...base, clientMessageId: 'm2' });
    expect(reconcile(box, new Set(['m1'])).map((e) => e.clientMessageId)).toEqual(['m2']);
  });
});
