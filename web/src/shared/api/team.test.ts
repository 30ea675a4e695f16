import { describe, expect, it } from 'vitest';
import { inviteTokenOf, waitLabel } from './team';

describe('team helpers', () => {
  it('reads the invite token from the link fragment only when it looks like one', () => {
    const token = 'a'.repeat(43);
    expect(inviteTokenOf(`#invite=${token}`)).toBe(token);
    expect(inviteTokenOf('#invite=short')).toBeNull();
    expect(inviteTokenOf(`#invite=${token}<script>`)).toBeNull();
    expect(inviteTokenOf('')).toBeNull();
  });

  it('says how long the oldest chat waits in words', () => {
    expect(waitLabel(null)).toBe('nobody is waiting');
    expect(waitLabel(30_000)).toBe('under a minute');
    expect(waitLabel(5 * 60_000)).toBe('5 min');
    expect(waitLabel(65 * 60_000)).toBe('1 hr 5 min');
  });
});
