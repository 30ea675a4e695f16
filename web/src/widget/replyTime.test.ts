import { describe, expect, it } from 'vitest';
import { typicalReplyText } from './replyTime';

const min = 60_000;

describe('typicalReplyText', () => {
  it('says nothing when the server does not know', () => {
    expect(typicalReplyText(null)).toBeNull();
    expect(typicalReplyText(undefined)).toBeNull();
    expect(typicalReplyText(-1)).toBeNull();
  });

  it('rounds kindly: minutes, quarter hours, an hour, hours, days', () => {
    expect(typicalReplyText(30_000)).toBe('Usually replies in a minute or two');
    expect(typicalReplyText(4 * min)).toBe('Usually replies in a few minutes');
    expect(typicalReplyText(12 * min)).toBe('Usually replies in about 15 minutes');
    expect(typicalReplyText(40 * min)).toBe('Usually replies in about 45 minutes');
    expect(typicalReplyText(70 * min)).toBe('Usually replies in about an hour');
    expect(typicalReplyText(5 * 60 * min)).toBe('Usually replies in a few hours');
    expect(typicalReplyText(30 * 60 * min)).toBe('Usually replies within a day or two');
  });
});
