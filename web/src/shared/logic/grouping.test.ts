import { describe, expect, it } from 'vitest';
import { dayKey, dayLabel, groupByDay } from './grouping';

// Local-time dates so the test holds in any time zone.
const at = (y: number, mo: number, d: number, h = 12, mi = 0) =>
  new Date(y, mo - 1, d, h, mi).toISOString();
const now = new Date(2026, 10, 25, 15, 0);

describe('groupByDay', () => {
  it('splits messages at local midnight and labels today and yesterday', () => {
    const items = [
      { id: 1, createdAt: at(2026, 11, 20, 9) },
      { id: 2, createdAt: at(2026, 11, 24, 23, 59) },
      { id: 3, createdAt: at(2026, 11, 25, 0, 0) },
      { id: 4, createdAt: at(2026, 11, 25, 14) },
    ];
    const groups = groupByDay(items, now, 'en-GB');
    expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([[1], [2], [3, 4]]);
    expect(groups[1]?.label).toBe('Yesterday');
    expect(groups[2]?.label).toBe('Today');
    expect(groups[0]?.label).toMatch(/20/);
    expect(groups[0]?.label).toMatch(/Nov/);
  });

  it('returns no groups for no messages', () => {
    expect(groupByDay([], now)).toEqual([]);
  });

  it('shows the year only for other years', () => {
    expect(dayLabel('2025-03-01', now, 'en-GB')).toMatch(/2025/);
    expect(dayLabel('2026-03-01', now, 'en-GB')).not.toMatch(/2026/);
  });

  it('computes keys in local time', () => {
    expect(dayKey(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
