/** One chat in the sidebar: who, what, when, how urgent, who has it, how much is unread. */
import { dayKey, formatTime } from '../../shared/logic/grouping';
import type { Chat } from '../../shared/types';
import { LabelChips } from '../inbox/LabelChips';
import { Link } from '../router';
import { PriorityBadge, StatusBadge } from './Badges';
import { activityTime, lastSenderIsAdmin } from './chatList';

function shortTime(ms: number): string {
  if (!ms) return '';
  const date = new Date(ms);
  if (dayKey(date) === dayKey(new Date())) return formatTime(date.toISOString());
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
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
  const preview = chat.lastMessage
    ? // A message without words carries files (the only kind the server stores empty).
      `${lastSenderIsAdmin(chat) ? 'Support: ' : ''}${chat.lastMessage.content || 'Sent a file'}`
    : 'No messages yet';
  const assignee = chat.admin
    ? chat.admin._id === meId
      ? 'You'
      : chat.admin.fullName
    : 'Unassigned';
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
            <span className="sc-visually-hidden">Assigned to: </span>
            {assignee}
          </span>
          {unread > 0 && (
            <span className="scd-unread">
              {unread}
              <span className="sc-visually-hidden"> unread</span>
            </span>
          )}
        </span>
      </Link>
    </li>
  );
}
