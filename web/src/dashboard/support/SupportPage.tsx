/** Chats page: sidebar of chats beside the open conversation (one at a time on phones). */
import type { ApiClient } from '../../shared/api/client';
import { useMediaQuery } from '../../shared/react/hooks';
import type { SocketConnection } from '../../shared/socket/connection';
import type { AdminInfo, User } from '../../shared/types';
import { MessageHits } from '../search/MessageHits';
import { ChatSidebar } from './ChatSidebar';
import type { ChatFilters } from './chatList';
import { ConversationPane } from './ConversationPane';
import { PersonPanel, WIDE_PERSON_QUERY } from './PersonPanel';
import type { ChatList } from './useChatList';

interface Props {
  api: ApiClient;
  connection: SocketConnection | null;
  me: User;
  list: ChatList;
  admins: AdminInfo[];
  chatId: string | null;
  /** Open the conversation at this message (a search result). */
  messageId: string | null;
  online: boolean;
  filters: ChatFilters;
  search: string;
  onSearch: (q: string) => void;
  onFilters: (filters: ChatFilters) => void;
}

export function SupportPage({
  api,
  connection,
  me,
  list,
  admins,
  chatId,
  messageId,
  online,
  ...filterProps
}: Props) {
  const wide = useMediaQuery(WIDE_PERSON_QUERY);
  return (
    <main className={`scd-support ${chatId ? 'scd-support--chat' : ''}`}>
      <h1 className="sc-visually-hidden">Chats</h1>
      <ChatSidebar
        chats={list.chats}
        total={list.pagination?.total ?? null}
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        selectedId={chatId}
        meId={me._id}
        filters={filterProps.filters}
        search={filterProps.search}
        onSearch={filterProps.onSearch}
        onFilters={filterProps.onFilters}
        onLoadMore={list.loadMore}
      >
        <MessageHits api={api} q={filterProps.filters.q ?? ''} />
      </ChatSidebar>
      {chatId && connection ? (
        <div className="scd-chat-area">
          <ConversationPane
            key={chatId}
            api={api}
            connection={connection}
            chatId={chatId}
            focusMessageId={messageId}
            chat={list.cache[chatId] ?? null}
            meId={me._id}
            admins={admins}
            online={online}
            onChanged={list.replace}
            onSeen={list.markSeen}
            person={wide ? null : <PersonPanel api={api} chatId={chatId} wide={false} />}
          />
          {wide && <PersonPanel key={chatId} api={api} chatId={chatId} wide />}
        </div>
      ) : (
        <section className="scd-placeholder" aria-label="No conversation selected">
          <p>Select a chat to read and reply.</p>
        </section>
      )}
    </main>
  );
}
