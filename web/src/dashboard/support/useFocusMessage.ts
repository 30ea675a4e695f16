/**
 * Opening a conversation at a message (a search result): pages back until the message is loaded,
 * then scrolls it into view, marks it and moves focus to it so a screen reader reads it.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChatRoom, ChatRoomState } from '../../shared/chatRoom';
import { t } from '../../shared/i18n/i18n';

/** Pages of older messages read looking for it before saying it cannot be found. */
const MAX_PAGES = 40;

export interface FocusNote {
  kind: 'finding' | 'found' | 'missing';
  text: string;
}

export function useFocusMessage(
  room: ChatRoom,
  state: ChatRoomState,
  messageId: string | null,
): FocusNote | null {
  // Pages read for this message (another result of the same chat starts again).
  const [paged, setPaged] = useState({ id: messageId, pages: 0 });
  const pages = paged.id === messageId ? paged.pages : 0;
  const shown = useRef<string | null>(null);
  const loaded = messageId !== null && state.messages.some((m) => m._id === messageId);
  const canPage = state.hasMore && pages < MAX_PAGES;

  useEffect(() => {
    if (!messageId || state.loading || loaded || state.loadingOlder || !canPage) return;
    void room.loadOlder().then(() => setPaged({ id: messageId, pages: pages + 1 }));
  }, [room, messageId, loaded, state.loading, state.loadingOlder, canPage, pages]);

  useEffect(() => {
    if (!messageId || !loaded || shown.current === messageId) return;
    const item = document.querySelector<HTMLElement>(
      `[data-message-id="${CSS.escape(messageId)}"]`,
    );
    if (!item) return;
    shown.current = messageId;
    item.classList.add('sc-msg--found');
    item.tabIndex = -1;
    item.scrollIntoView({ block: 'center' });
    item.focus({ preventScroll: true });
  }, [messageId, loaded, state.messages]);

  if (!messageId) return null;
  if (loaded) return { kind: 'found', text: t('focus.found') };
  if (state.loading || state.loadingOlder || canPage) {
    return { kind: 'finding', text: t('focus.finding') };
  }
  return {
    kind: 'missing',
    text: t('focus.missing'),
  };
}
