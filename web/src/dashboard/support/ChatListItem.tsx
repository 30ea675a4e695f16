/** One chat in the sidebar: who, what, when, how urgent, who has it, how much is unread. */
import { dayKey, formatTime } from '../../shared/logic/grouping';
import type { Chat } from '../../shared/types';
import { LabelChips } from '../inbox/LabelChips';
import { Link } from '../router';
import { PriorityBadge, StatusBadge } from './Badges';
import { activityTime, lastSenderIsAdmin } from './chatList';
import { formatDate, formatNumber, t, tp } from '../../shared/i18n/i18n';

function shortTime(ms: number): string {
  if (!ms) return '';
  const date = new Date(ms);
  if (dayKey(date) === dayKey(new Date())) return formatTime(date.toISOString());
  return formatDate(date, { day: 'numeric', month: 'short' });
}

export function ChatListItem({
  chat,
  selected,
  meId,
}: {
  chat: Chat;
  selected: boolean;
  meId: string;
}) {
  const time = activityTime(chat);
  const unread = chat.unreadByAdmin;
  // A message without words carries files (the only kind the server stores empty).
  const last = chat.lastMessage && (chat.lastMessage.content || tp('files.sentFiles', 1));
  const preview = last
    ? lastSenderIsAdmin(chat)
      ? t('chats.supportPrefix', { text: last })
      : last
    : t('chats.noMessages');
  const assignee = chat.admin
    ? chat.admin._id === meId
      ? t('chats.you')
      : chat.admin.fullName
    : t('chats.unassigned');
  return (
    <li
      className={`scd-item ${selected ? 'scd-item--selected' : ''} ${unread > 0 ? 'scd-item--unread' : ''}`}
    >
      <Link to={{ name: 'chats', chatId: chat._id }} className="scd-item__link" current={selected}>
        <span className="scd-item__top">
          <span className="scd-item__name">{chat.user.fullName || chat.user.email}</span>
          <time className="scd-item__time" dateTime={new Date(time || 0).toISOString()}>
            {shortTime(time)}
          </time>
        </span>
        {chat.subject && <span className="scd-item__subject">{chat.subject}</span>}
        <span className="scd-item__preview">{preview}</span>
        {chat.labels && chat.labels.length > 0 && <LabelChips labels={chat.labels} />}
        <span className="scd-item__meta">
          <StatusBadge status={chat.status} />
          <PriorityBadge priority={chat.priority} />
          <span className="scd-item__assignee">
            <span className="sc-visually-hidden">{t('chats.assignedTo')} </span>
            {assignee}
          </span>
          {unread > 0 && (
            <span className="scd-unread">
              {formatNumber(unread)}
              <span className="sc-visually-hidden"> {t('dash.unread')}</span>
            </span>
          )}
        </span>
      </Link>
    </li>
  );
}
