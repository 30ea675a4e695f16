import { describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../../shared/api/webhooks';
import { deliveryOutcome } from './deliveryText';

const base: WebhookDelivery = {
  _id: 'd1',
  event: 'chat.created',
  state: 'sent',
  attempts: 1,
  lastStatus: 204,
  lastError: null,
  createdAt: '2026-12-06T01:00:00Z',
  nextAttemptAt: null,
  finishedAt: '2026-12-06T01:00:01Z',
  redeliveryOf: null,
};

describe('deliveryOutcome', () => {
  it('says what became of each delivery', () => {
    expect(deliveryOutcome(base)).toBe('Delivered (204) after 1 attempt');
    expect(deliveryOutcome({ ...base, state: 'pending', attempts: 0 })).toBe('Waiting to be sent');
    expect(deliveryOutcome({ ...base, state: 'pending', attempts: 3, lastStatus: 503 })).toBe(
      'Not delivered yet (503); trying again soon, 3 attempts so far',
    );
    expect(
      deliveryOutcome({
        ...base,
        state: 'failed',
        attempts: 20,
        lastStatus: null,
        lastError: 'timeout',
      }),
    ).toBe('Gave up after 20 attempts: timeout');
    expect(deliveryOutcome({ ...base, state: 'skipped', lastError: 'endpoint turned off' })).toBe(
      'Not sent: endpoint turned off',
    );
  });
});
