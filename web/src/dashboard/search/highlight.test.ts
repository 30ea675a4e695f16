import { describe, expect, it } from 'vitest';
import { snippetParts } from './highlight';

describe('snippet parts', () => {
  it('marks the ranges and keeps the text between them', () => {
    expect(
      snippetParts('My refund, the refunded card', [
        [3, 9],
        [15, 21],
      ]),
    ).toEqual([
      { text: 'My ', marked: false },
      { text: 'refund', marked: true },
      { text: ', the ', marked: false },
      { text: 'refund', marked: true },
      { text: 'ed card', marked: false },
    ]);
  });

  it('ignores ranges it cannot trust', () => {
    expect(
      snippetParts('abc', [
        [2, 1],
        [0, 9],
        [1, 2],
        [0, 1],
      ]),
    ).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: true },
      { text: 'c', marked: false },
    ]);
    expect(snippetParts('', [])).toEqual([]);
  });
});
