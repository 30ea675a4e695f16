/** Unread counting for the widget badge and the dashboard's tab title. */
import type { Chat, Message } from '../types';
import { formatNumber } from '../i18n/i18n';

/** Messages from the other side the viewer has not read (internal notes never count). */
export function countUnread(messages: readonly Message[], viewerIsAdmin: boolean): number {
  let count = 0;
  for (const m of messages) {
    if (m.isInternalNote || m.sender.isAdmin === viewerIsAdmin) continue;
    if (!(viewerIsAdmin ? m.isReadByAdmin : m.isReadByUser)) count += 1;
  }
  return count;
}

export function totalUnreadByAdmin(chats: readonly Chat[]): number {
  return chats.reduce((sum, c) => sum + Math.max(0, c.unreadByAdmin || 0), 0);
}

/** "(3) Support" — the count first so it stays visible in narrow browser tabs. */
export function titleWithCount(base: string, count: number): string {
  if (count <= 0) return base;
  return `(${count > 99 ? '99+' : count}) ${base}`;
}

export function badgeText(count: number): string {
  return count > 9 ? `${formatNumber(9)}+` : formatNumber(count);
}
