/** The open conversation: who it is with, its controls, the messages and the reply box. */
import {
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from 'react';
import { assignChat, updateChatStatus } from '../../shared/api/chats';
import { useFocusMessage } from './useFocusMessage';
import type { ApiClient } from '../../shared/api/client';
import { ChatRoom } from '../../shared/chatRoom';
import { countUnread } from '../../shared/logic/unread';
import { useChatRoom, usePageVisible } from '../../shared/react/hooks';
import { useStartedRoom } from '../../shared/react/useSocketConnection';
import type { SocketConnection } from '../../shared/socket/connection';
import type { AdminInfo, Chat, Label, User } from '../../shared/types';
import { LabelEditor } from '../inbox/LabelEditor';
import { ReplyComposer, type ReplyComposerHandle } from '../inbox/ReplyComposer';
import type { Inbox } from '../inbox/useInbox';
import { MessageTimeline } from '../../shared/ui/MessageTimeline';
import { eventNotices, useChatEvents } from './chatEvents';
import { useAttachmentDraft } from '../../shared/react/useAttachmentDraft';
import { useMessageRules } from '../../shared/react/useMessageRules';
import { Link } from '../router';
import { PriorityBadge, StatusBadge } from './Badges';
import { ChatControls } from './ChatControls';
import { ChatRating } from './ChatRating';
import { direction, t } from '../../shared/i18n/i18n';

interface Props {
  api: ApiClient;
  connection: SocketConnection;
  chatId: string;
  /** A message to bring into view and mark (a search result), paging back to it if needed. */
  focusMessageId: string | null;
  chat: Chat | null;
  me: User;
  admins: AdminInfo[];
  online: boolean;
  onChanged: (chat: Chat) => void;
  onSeen: (chatId: string) => void;
  /** Who this is, when it goes inside the conversation (narrow screens). */
  person: ReactNode;
  inbox: Inbox;
  onLabels: (chatId: string, labels: Label[]) => void;
  /** What the keyboard shortcuts do to this conversation. */
  commands: Ref<ConversationCommands>;
}

/** The open conversation's actions the dashboard's single-key shortcuts call. */
export interface ConversationCommands {
  assignToMe: () => void;
  resolve: () => void;
  toggleNote: () => void;
  openReplies: () => void;
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
  me,
  admins,
  online,
  onChanged,
  onSeen,
  person,
  inbox,
  onLabels,
  commands,
  room,
}: Props & { room: ChatRoom }) {
  const meId = me._id;
  const state = useChatRoom(room);
  const focus = useFocusMessage(room, state, focusMessageId);
  const visible = usePageVisible();
  const [note, setNote] = useState(false);
  const [said, setSaid] = useState('');
  const composer = useRef<ReplyComposerHandle>(null);
  const rules = useMessageRules(api);
  const events = useChatEvents(
    api,
    chatId,
    `${chat?.status ?? ''}:${chat?.admin?._id ?? ''}:${chat?.updatedAt ?? ''}`,
  );
  const notices = useMemo(
    () => eventNotices(events, state.hasMore ? (state.messages[0]?.createdAt ?? null) : null),
    [events, state.hasMore, state.messages],
  );
  const draft = useAttachmentDraft(api, chatId, rules);

  const act = (done: string, action: () => Promise<Chat>) => {
    setSaid('');
    action()
      .then((c) => {
        onChanged(c);
        setSaid(done);
      })
      .catch((e: unknown) => setSaid(e instanceof Error ? e.message : t('pane.failed')));
  };

  useImperativeHandle(commands, () => ({
    assignToMe: () => {
      if (chat?.admin?._id === meId) setSaid(t('pane.alreadyYours'));
      else act(t('pane.assignedToYou'), () => assignChat(api, chatId));
    },
    resolve: () => {
      if (chat?.status === 'resolved') setSaid(t('pane.alreadyResolved'));
      else act(t('pane.resolved'), () => updateChatStatus(api, chatId, { status: 'resolved' }));
    },
    toggleNote: () => {
      setNote((n) => {
        setSaid(n ? t('pane.writingReply') : t('pane.writingNote'));
        return !n;
      });
    },
    openReplies: () => composer.current?.openReplies(),
  }));
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

  const userName = chat ? chat.user.fullName || chat.user.email : t('pane.conversation');
  return (
    <section
      className="scd-conversation"
      aria-label={t('pane.conversationWith', { name: userName })}
    >
      <header className="scd-conversation__header">
        <Link to={{ name: 'chats', chatId: null }} className="scd-back">
          {direction() === 'rtl' ? '→' : '←'} {t('pane.allChats')}
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
      <LabelEditor
        api={api}
        connection={connection}
        chatId={chatId}
        all={inbox.labels}
        onChanged={onLabels}
      />
      <p className="scd-said" role="status">
        {said}
      </p>
      {state.error && state.messages.length === 0 && (
        <p className="sc-error" role="alert">
          {state.error}
        </p>
      )}
      <MessageTimeline
        label={t('pane.messagesWith', { name: userName })}
        messages={state.messages}
        notices={notices}
        outbox={state.outbox}
        viewerIsAdmin
        online={online}
        hasMore={state.hasMore}
        loadingOlder={state.loadingOlder}
        typingLabel={
          state.otherTyping
            ? t('pane.typing', { name: chat?.user.fullName || t('pane.theUser') })
            : null
        }
        emptyText={state.loading ? t('common.loading') : t('pane.noMessages')}
        onLoadOlder={() => void room.loadOlder()}
        onRetry={(id) => room.retry(id)}
        onDiscard={(id) => room.discard(id)}
        api={api}
        edits={{ viewerId: meId, rules, onEdit: (id, text) => room.edit(id, text) }}
      />
      <ReplyComposer
        handle={composer}
        replies={inbox.replies}
        repliesLoaded={inbox.loaded}
        values={{
          'user.name': chat?.user.fullName || null,
          'user.email': chat?.user.email || null,
          'agent.name': me.fullName || null,
        }}
        note={note}
        onSend={(text) => {
          const sent = room.send(text, note, draft.ready) !== null;
          if (sent && note) {
            // One note at a time: the next message is a reply again, so a reply is never written
            // as a note by mistake (nor, worse, a note sent to the user).
            setNote(false);
            setSaid(t('pane.noteSent'));
          }
          return sent;
        }}
        files={draft}
        onTyping={note ? undefined : () => room.typing()}
        extra={
          <label className="scd-note-toggle">
            <input type="checkbox" checked={note} onChange={(e) => setNote(e.target.checked)} />
            {t('pane.internalNote')}
          </label>
        }
      />
    </section>
  );
}
