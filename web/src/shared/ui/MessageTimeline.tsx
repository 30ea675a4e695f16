/**
 * The scrolling list of a conversation: messages grouped by day, notices (status changes),
 * unsent messages at the end, older pages loaded when scrolling to the top.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { canEdit, nextEditClose, type MessageRules } from '../logic/attachments';
import { groupByDay } from '../logic/grouping';
import type { OutboxEntry } from '../logic/outbox';
import type { Message } from '../types';
import { MessageItem } from './MessageItem';
import { PendingItem } from './PendingItem';
import { TypingIndicator } from './TypingIndicator';
import { t } from '../i18n/i18n';

export interface Notice {
  id: string;
  createdAt: string;
  text: string;
}

type Item =
  { kind: 'message'; createdAt: string; message: Message } | ({ kind: 'notice' } & Notice);

interface Props {
  messages: Message[];
  notices?: Notice[];
  outbox: OutboxEntry[];
  viewerIsAdmin: boolean;
  online: boolean;
  hasMore: boolean;
  loadingOlder: boolean;
  typingLabel: string | null;
  emptyText?: string;
  label: string;
  /** The day headings' level: one below the page's heading above the timeline (default h3). */
  dayHeading?: 'h2' | 'h3';
  onLoadOlder: () => void;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
  /** Shows files (fetched with the viewer's token). */
  api?: ApiClient;
  /** Edits: the viewer's own messages, within the rules' window; resolves with a refusal. */
  edits?: {
    viewerId: string | null;
    rules: MessageRules;
    onEdit: (messageId: string, content: string) => Promise<string | null>;
  };
}

const NEAR_EDGE_PX = 80;

export function MessageTimeline(props: Props) {
  const { messages, notices, outbox, viewerIsAdmin, hasMore, loadingOlder, typingLabel } = props;
  const DayHeading = props.dayHeading ?? 'h3';
  const scroller = useRef<HTMLDivElement>(null);
  const { edits } = props;
  const now = useEditClock(messages, edits);
  const groups = useMemo(() => {
    const items: Item[] = messages.map((m) => ({
      kind: 'message',
      createdAt: m.createdAt,
      message: m,
    }));
    for (const n of notices ?? []) items.push({ kind: 'notice', ...n });
    items.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    return groupByDay(items);
  }, [messages, notices]);

  // Anchoring: keep the view still when older messages are prepended, follow the bottom when
  // new ones arrive and the reader is already there (or sent it).
  const firstId = messages[0]?._id ?? '';
  const lastMessage = messages[messages.length - 1];
  const lastKey = `${lastMessage?._id ?? ''}|${outbox.length}|${notices?.length ?? 0}|${typingLabel ?? ''}`;
  const previous = useRef({ firstId: '', lastKey: '', height: 0, nearBottom: true });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const p = previous.current;
    const prepended = p.firstId !== '' && p.firstId !== firstId && p.lastKey === lastKey;
    const ownLast = lastMessage ? lastMessage.sender.isAdmin === viewerIsAdmin : false;
    if (prepended) {
      el.scrollTop += el.scrollHeight - p.height;
    } else if (p.lastKey !== lastKey && (p.nearBottom || ownLast || outbox.length > 0)) {
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { firstId, lastKey, height: el.scrollHeight, nearBottom: isNearBottom(el) };
  }, [firstId, lastKey, lastMessage, viewerIsAdmin, outbox.length]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    previous.current.nearBottom = isNearBottom(el);
    previous.current.height = el.scrollHeight;
    if (el.scrollTop < NEAR_EDGE_PX && hasMore && !loadingOlder) props.onLoadOlder();
  };

  const empty = groups.length === 0 && outbox.length === 0;
  return (
    // Focusable so that a keyboard can scroll it (WCAG 2.1.1; axe scrollable-region-focusable):
    // a conversation without links has nothing else to land on. Named like the log it holds.
    <div
      className="sc-timeline"
      ref={scroller}
      onScroll={onScroll}
      tabIndex={0}
      role="region"
      aria-label={props.label}
    >
      {hasMore && (
        <button
          type="button"
          className="sc-link sc-timeline__older"
          onClick={props.onLoadOlder}
          disabled={loadingOlder}
        >
          {loadingOlder ? t('timeline.loadingOlder') : t('timeline.loadOlder')}
        </button>
      )}
      {empty && props.emptyText && <p className="sc-timeline__empty">{props.emptyText}</p>}
      <div role="log" aria-label={props.label} aria-live="polite">
        {groups.map((group) => (
          <section key={group.key} aria-label={group.label}>
            <DayHeading className="sc-day">
              <span>{group.label}</span>
            </DayHeading>
            <ul className="sc-msgs">
              {group.items.map((item) =>
                item.kind === 'notice' ? (
                  <li key={item.id} className="sc-notice">
                    {item.text}
                  </li>
                ) : (
                  <MessageItem
                    key={item.message._id}
                    message={item.message}
                    own={item.message.sender.isAdmin === viewerIsAdmin}
                    viewerIsAdmin={viewerIsAdmin}
                    showSender={item.message.sender.isAdmin}
                    api={props.api}
                    onEdit={
                      edits && canEdit(item.message, edits.viewerId, edits.rules, now)
                        ? edits.onEdit
                        : undefined
                    }
                  />
                ),
              )}
            </ul>
          </section>
        ))}
        {outbox.length > 0 && (
          <ul className="sc-msgs" aria-label={t('timeline.unsent')}>
            {outbox.map((entry) => (
              <PendingItem
                key={entry.clientMessageId}
                entry={entry}
                online={props.online}
                onRetry={props.onRetry}
                onDiscard={props.onDiscard}
              />
            ))}
          </ul>
        )}
      </div>
      {typingLabel && <TypingIndicator label={typingLabel} />}
    </div>
  );
}

/** The time, moved on when an Edit action on screen closes (so it disappears then). */
function useEditClock(messages: Message[], edits: Props['edits']): number {
  const [now, setNow] = useState(() => Date.now());
  const next = edits ? nextEditClose(messages, edits.viewerId, edits.rules, now) : null;
  useEffect(() => {
    if (next === null) return;
    // setTimeout's longest wait is ~24.8 days; an edit window is minutes.
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, next - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [next]);
  // Between ticks `now` lags behind, which only ever errs towards showing Edit a moment longer:
  // the timer above moves it on when the first window closes (and the server judges anyway).
  return now;
}

function isNearBottom(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_EDGE_PX;
}
