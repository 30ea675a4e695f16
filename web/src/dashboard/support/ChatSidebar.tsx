/** The list of chats with its filters and paging. */
import type { ReactNode } from 'react';
import type { Chat, Label } from '../../shared/types';
import { ChatListItem } from './ChatListItem';
import type { ChatFilters } from './chatList';
import { FiltersBar } from './FiltersBar';
import { t, tp } from '../../shared/i18n/i18n';

interface Props {
  chats: Chat[];
  total: number | null;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  selectedId: string | null;
  meId: string;
  labels: Label[];
  filters: ChatFilters;
  search: string;
  onSearch: (q: string) => void;
  onFilters: (filters: ChatFilters) => void;
  onLoadMore: () => void;
  /** Below the chats: the messages that match the search. */
  children?: ReactNode;
}

export function ChatSidebar(props: Props) {
  const { chats, loading, error, selectedId, meId } = props;
  return (
    <nav className="scd-sidebar" aria-label={t('chats.sidebar')}>
      <FiltersBar
        filters={props.filters}
        labels={props.labels}
        search={props.search}
        onSearch={props.onSearch}
        onChange={props.onFilters}
      />
      <p className="scd-sidebar__count" role="status">
        {loading && chats.length === 0
          ? t('chats.loading')
          : tp('chats.count', props.total ?? chats.length)}
      </p>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      <ul className="scd-list">
        {chats.map((chat) => (
          <ChatListItem key={chat._id} chat={chat} selected={chat._id === selectedId} meId={meId} />
        ))}
      </ul>
      {!loading && chats.length === 0 && !error && (
        <p className="scd-empty">
          {props.filters.q ? t('chats.noMatch', { q: props.filters.q }) : t('chats.noMatchFilters')}
        </p>
      )}
      {props.hasMore && (
        <button
          type="button"
          className="sc-btn sc-btn--ghost scd-more"
          onClick={props.onLoadMore}
          disabled={loading}
        >
          {loading ? t('common.loading') : t('chats.loadMore')}
        </button>
      )}
      {props.children}
    </nav>
  );
}
