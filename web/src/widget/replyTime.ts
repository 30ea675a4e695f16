/** The team's typical reply time (median first response of the last 7 days), said kindly. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A rounded, friendly phrase; null when the server has too few chats to say. */
export function typicalReplyText(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return null;
  if (ms < 2 * MINUTE) return 'Usually replies in a minute or two';
  if (ms < 10 * MINUTE) return 'Usually replies in a few minutes';
  if (ms < 45 * MINUTE)
    return `Usually replies in about ${Math.round(ms / (15 * MINUTE)) * 15 || 15} minutes`;
  if (ms < 90 * MINUTE) return 'Usually replies in about an hour';
  if (ms < 20 * HOUR) return `Usually replies in a few hours`;
  return 'Usually replies within a day or two';
}
