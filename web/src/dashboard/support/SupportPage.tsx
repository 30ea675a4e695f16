/** Chats page: sidebar of chats beside the open conversation (one at a time on phones). */
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../shared/api/client';
import { useMediaQuery } from '../../shared/react/hooks';
import type { SocketConnection } from '../../shared/socket/connection';
import type { AdminInfo, User } from '../../shared/types';
import { MessageHits } from '../search/MessageHits';
import { neighbour, shortcutFor } from '../inbox/shortcuts';
import { ShortcutsDialog } from '../inbox/ShortcutsDialog';
import type { Inbox } from '../inbox/useInbox';
import { navigate } from '../router';
import { ChatSidebar } from './ChatSidebar';
import type { ChatFilters } from './chatList';
import { ConversationPane, type ConversationCommands } from './ConversationPane';
import { PersonPanel, WIDE_PERSON_QUERY } from './PersonPanel';
import type { ChatList } from './useChatList';
import { t } from '../../shared/i18n/i18n';
import { withKeys } from '../../shared/ui/withKeys';

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
  inbox: Inbox;
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
  inbox,
  ...filterProps
}: Props) {
  const wide = useMediaQuery(WIDE_PERSON_QUERY);
  const [help, setHelp] = useState(false);
  const [said, setSaid] = useState('');
  const commands = useRef<ConversationCommands>(null);
  const ids = list.chats.map((c) => c._id);
  const current = useRef({ ids, chatId });
  useEffect(() => {
    current.current = { ids, chatId };
  });

  // Single-key shortcuts (the `?` dialog lists them); never while typing or with a modifier.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (help) return;
      const action = shortcutFor(event);
      if (!action) return;
      const { ids: order, chatId: open } = current.current;
      const needsChat = action !== 'help' && action !== 'next' && action !== 'previous';
      event.preventDefault();
      if (needsChat && (!open || !commands.current)) {
        setSaid(t('chats.openFirst'));
        return;
      }
      setSaid('');
      switch (action) {
        case 'next':
        case 'previous': {
          const to = neighbour(order, open, action === 'next' ? 1 : -1);
          if (to) navigate({ name: 'chats', chatId: to });
          else setSaid(order.length === 0 ? t('chats.noneInList') : t('chats.noMoreThisWay'));
          break;
        }
        case 'assign':
          commands.current?.assignToMe();
          break;
        case 'resolve':
          commands.current?.resolve();
          break;
        case 'note':
          commands.current?.toggleNote();
          break;
        case 'replies':
          commands.current?.openReplies();
          break;
        case 'help':
          setHelp(true);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [help]);

  return (
    <main className={`scd-support ${chatId ? 'scd-support--chat' : ''}`}>
      <h1 className="sc-visually-hidden">{t('chats.heading')}</h1>
      <ChatSidebar
        chats={list.chats}
        total={list.pagination?.total ?? null}
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        selectedId={chatId}
        meId={me._id}
        labels={inbox.labels}
        filters={filterProps.filters}
        search={filterProps.search}
        onSearch={filterProps.onSearch}
        onFilters={filterProps.onFilters}
        onLoadMore={list.loadMore}
      >
        <MessageHits api={api} q={filterProps.filters.q ?? ''} />
      </ChatSidebar>
      <p className="scd-said scd-said--page" role="status">
        {said}
      </p>
      {chatId && connection ? (
        <div className="scd-chat-area">
          <ConversationPane
            key={chatId}
            api={api}
            connection={connection}
            chatId={chatId}
            focusMessageId={messageId}
            chat={list.cache[chatId] ?? null}
            me={me}
            admins={admins}
            online={online}
            onChanged={list.replace}
            onSeen={list.markSeen}
            inbox={inbox}
            onLabels={list.setLabels}
            commands={commands}
            person={wide ? null : <PersonPanel api={api} chatId={chatId} wide={false} />}
          />
          {wide && <PersonPanel key={chatId} api={api} chatId={chatId} wide />}
        </div>
      ) : (
        <section className="scd-placeholder" aria-label={t('chats.noneSelected')}>
          <p>{t('chats.select')}</p>
          <p className="scd-muted">
            {withKeys(t('chats.keysHint'), { j: <kbd>j</kbd>, help: <kbd>?</kbd> })}
          </p>
        </section>
      )}
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </main>
  );
}
