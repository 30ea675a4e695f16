/** The open conversation: who it is with, its controls, the messages and the reply box. */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useFocusMessage } from './useFocusMessage';
import type { ApiClient } from '../../shared/api/client';
import { ChatRoom } from '../../shared/chatRoom';
import { countUnread } from '../../shared/logic/unread';
import { useChatRoom, usePageVisible } from '../../shared/react/hooks';
import { useStartedRoom } from '../../shared/react/useSocketConnection';
import type { SocketConnection } from '../../shared/socket/connection';
import type { AdminInfo, Chat } from '../../shared/types';
import { Composer } from '../../shared/ui/Composer';
import { MessageTimeline } from '../../shared/ui/MessageTimeline';
import { Link } from '../router';
import { PriorityBadge, StatusBadge } from './Badges';
import { ChatControls } from './ChatControls';
import { ChatRating } from './ChatRating';

interface Props {
  api: ApiClient;
  connection: SocketConnection;
  chatId: string;
  /** A message to bring into view and mark (a search result), paging back to it if needed. */
  focusMessageId: string | null;
  chat: Chat | null;
  meId: string;
  admins: AdminInfo[];
  online: boolean;
  onChanged: (chat: Chat) => void;
  onSeen: (chatId: string) => void;
  /** Who this is, when it goes inside the conversation (narrow screens). */
  person: ReactNode;
}

export function ConversationPane(props: Props) {
  const { api, connection, chatId } = props;
  const created = useMemo(
    () => new ChatRoom({ api, link: connection, chatId, viewerIsAdmin: true }),
    [api, connection, chatId],
  );
  const room = useStartedRoom(created);
  return room ? <RoomView {...props} room={room} /> : null;
}

function RoomView({
  api,
  connection,
  chat,
  chatId,
  focusMessageId,
  meId,
  admins,
  online,
  onChanged,
  onSeen,
  person,
  room,
}: Props & { room: ChatRoom }) {
  const state = useChatRoom(room);
  const focus = useFocusMessage(room, state, focusMessageId);
  const visible = usePageVisible();
  const [note, setNote] = useState(false);
  const unread = countUnread(state.messages, true);
  const listShowsUnread = (chat?.unreadByAdmin ?? 0) > 0;

  // Reading happens when the conversation is on screen in a visible tab.
  useEffect(() => {
    if (!visible || state.loading) return;
    if (unread > 0 || listShowsUnread) {
      room.markRead(listShowsUnread);
      onSeen(chatId);
    }
  }, [visible, unread, listShowsUnread, state.loading, room, onSeen, chatId]);

  const userName = chat ? chat.user.fullName || chat.user.email : 'Conversation';
  return (
    <section className="scd-conversation" aria-label={`Conversation with ${userName}`}>
      <header className="scd-conversation__header">
        <Link to={{ name: 'chats', chatId: null }} className="scd-back">
          ← All chats
        </Link>
        <div className="scd-conversation__who">
          <h2>{userName}</h2>
          {chat && <p>{[chat.user.email, chat.subject].filter(Boolean).join(' · ')}</p>}
        </div>
        {chat && (
          <div className="scd-conversation__badges">
            <StatusBadge status={chat.status} />
            <PriorityBadge priority={chat.priority} />
          </div>
        )}
      </header>
      {person}
      {chat && (
        <ChatControls api={api} chat={chat} meId={meId} admins={admins} onChanged={onChanged} />
      )}
      {focus && (
        <p className={focus.kind === 'missing' ? 'sc-error' : 'scd-focus-note'} role="status">
          {focus.text}
        </p>
      )}
      <ChatRating
        api={api}
        connection={connection}
        chatId={chatId}
        version={`${chat?.status ?? ''}:${chat?.updatedAt ?? ''}`}
      />
      {state.error && state.messages.length === 0 && (
        <p className="sc-error" role="alert">
          {state.error}
        </p>
      )}
      <MessageTimeline
        label={`Messages with ${userName}`}
        messages={state.messages}
        outbox={state.outbox}
        viewerIsAdmin
        online={online}
        hasMore={state.hasMore}
        loadingOlder={state.loadingOlder}
        typingLabel={state.otherTyping ? `${chat?.user.fullName || 'The user'} is typing…` : null}
        emptyText={state.loading ? 'Loading…' : 'No messages yet.'}
        onLoadOlder={() => void room.loadOlder()}
        onRetry={(id) => room.retry(id)}
        onDiscard={(id) => room.discard(id)}
      />
      <Composer
        label={note ? 'Internal note' : 'Reply'}
        placeholder={note ? 'Internal note — only admins will see this' : 'Reply to the user…'}
        className={note ? 'sc-composer--note' : undefined}
        maxLength={5000}
        onSend={(text) => room.send(text, note) !== null}
        onTyping={note ? undefined : () => room.typing()}
        extra={
          <label className="scd-note-toggle">
            <input type="checkbox" checked={note} onChange={(e) => setNote(e.target.checked)} />
            Internal note
          </label>
        }
      />
    </section>
  );
}
