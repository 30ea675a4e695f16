/** The team's typical reply time (median first response of the last 7 days), said kindly. */
import { t, tp } from '../shared/i18n/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A rounded, friendly phrase; null when the server has too few chats to say. */
export function typicalReplyText(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return null;
  if (ms < 2 * MINUTE) return t('replyTime.minuteOrTwo');
  if (ms < 10 * MINUTE) return t('replyTime.fewMinutes');
  if (ms < 45 * MINUTE)
    return tp('replyTime.aboutMinutes', Math.round(ms / (15 * MINUTE)) * 15 || 15);
  if (ms < 90 * MINUTE) return t('replyTime.aboutHour');
  if (ms < 20 * HOUR) return t('replyTime.fewHours');
  return t('replyTime.dayOrTwo');
}
