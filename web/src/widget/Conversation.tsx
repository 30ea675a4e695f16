/** The user's conversation: timeline, ticket status, and the message box. */
import type { ApiClient } from '../shared/api/client';
import type { ChatRoom } from '../shared/chatRoom';
import { useChatRoom } from '../shared/react/hooks';
import type { Chat } from '../shared/types';
import { useAttachmentDraft } from '../shared/react/useAttachmentDraft';
import { useMessageRules } from '../shared/react/useMessageRules';
import { Composer } from '../shared/ui/Composer';
import { MessageTimeline, type Notice } from '../shared/ui/MessageTimeline';
import { RatingPrompt } from './RatingPrompt';
import { TranscriptButton } from './TranscriptButton';
import { t } from '../shared/i18n/i18n';

interface Props {
  api: ApiClient;
  chat: Chat;
  room: ChatRoom;
  notices: Notice[];
  online: boolean;
}

export function Conversation({ api, chat, room, notices, online }: Props) {
  const state = useChatRoom(room);
  const rules = useMessageRules(api);
  const draft = useAttachmentDraft(api, chat._id, rules);
  const finished = chat.status === 'resolved' || chat.status === 'closed';
  const agent = chat.admin?.fullName ?? t('conversation.defaultAgent');
  return (
    <>
      <p className="scw-ticket">
        {chat.subject && <span className="scw-ticket__subject">{chat.subject}</span>}
        {/* The priority is the team's triage, not something to show the customer. */}
        <span>{t('conversation.ticket', { status: t(`status.${chat.status}`) })}</span>
      </p>
      {state.error && state.messages.length === 0 && (
        <p className="sc-error" role="alert">
          {state.error}
        </p>
      )}
      <MessageTimeline
        label={t('conversation.label')}
        dayHeading="h2"
        messages={state.messages}
        notices={notices}
        outbox={state.outbox}
        viewerIsAdmin={false}
        online={online}
        hasMore={state.hasMore}
        loadingOlder={state.loadingOlder}
        typingLabel={state.otherTyping ? t('conversation.typing', { name: agent }) : null}
        emptyText={state.loading ? t('common.loading') : undefined}
        onLoadOlder={() => void room.loadOlder()}
        onRetry={(id) => room.retry(id)}
        onDiscard={(id) => room.discard(id)}
        api={api}
        edits={{
          viewerId: chat.user?._id ?? null,
          rules,
          onEdit: (id, text) => room.edit(id, text),
        }}
      />
      {finished && (
        <>
          <p className="scw-finished">
            {t('conversation.finished', { status: t(`status.${chat.status}`) })}
          </p>
          <RatingPrompt key={`rating:${chat._id}:${chat.updatedAt}`} api={api} chatId={chat._id} />
          <TranscriptButton key={`${chat._id}:${chat.updatedAt}`} api={api} chatId={chat._id} />
        </>
      )}
      <Composer
        label={t('composer.label')}
        placeholder={t('composer.placeholder')}
        maxLength={5000}
        onSend={(text) => room.send(text, false, draft.ready) !== null}
        onTyping={() => room.typing()}
        files={draft}
      />
    </>
  );
}
