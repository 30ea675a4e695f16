/**
 * "In messages": what was said that matches the search, newest first, below the chats that match.
 * Each result opens its conversation at that message.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api/client';
import { searchMessages, type MessageHits as Hits } from '../../shared/api/chats';
import { Link } from '../router';
import { snippetParts } from './highlight';
import { formatDate, t, tp } from '../../shared/i18n/i18n';

/** Shorter searches are not sent: the server needs a word of two letters or digits. */
const MIN_LENGTH = 2;

type State =
  { kind: 'loading' } | { kind: 'done'; hits: Hits } | { kind: 'error'; message: string };

export function MessageHits({ api, q }: { api: ApiClient; q: string }) {
  const query = q.trim();
  const searchable = query.replace(/[^\p{L}\p{N}]/gu, '').length >= MIN_LENGTH;
  // The answer with the query it answers: a newer query shows "searching" until its own arrives.
  const [answer, setAnswer] = useState<{ query: string; state: State } | null>(null);

  useEffect(() => {
    if (!searchable) return;
    let current = true;
    searchMessages(api, query).then(
      (hits) => current && setAnswer({ query, state: { kind: 'done', hits } }),
      (e: unknown) =>
        current &&
        setAnswer({
          query,
          state: {
            kind: 'error',
            message: e instanceof Error ? e.message : t('hits.failed'),
          },
        }),
    );
    return () => {
      current = false;
    };
  }, [api, query, searchable]);

  if (!searchable) return null;
  const state: State = answer?.query === query ? answer.state : { kind: 'loading' };
  return (
    <section className="scd-hits" aria-labelledby="scd-hits-title">
      <h2 id="scd-hits-title" className="scd-hits__title">
        {t('hits.title')}
      </h2>
      <p className="scd-sidebar__count" role="status">
        {state.kind === 'loading'
          ? t('hits.searching')
          : state.kind === 'error'
            ? ''
            : summary(state.hits, query)}
      </p>
      {state.kind === 'error' && (
        <p className="sc-error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <ul className="scd-list">
          {state.hits.results.map((hit) => (
            <li key={hit._id} className="scd-item">
              <Link
                to={{ name: 'chats', chatId: hit.chatId, messageId: hit._id }}
                className="scd-item__link"
              >
                <span className="scd-item__top">
                  <span className="scd-item__name">
                    {hit.chat.user.fullName || hit.chat.user.email}
                  </span>
                  <time className="scd-item__time" dateTime={hit.createdAt}>
                    {formatDate(hit.createdAt, { day: 'numeric', month: 'short' })}
                  </time>
                </span>
                <span className="scd-hit__who">
                  {hit.isInternalNote
                    ? t('hits.noteBy', { name: hit.sender.fullName })
                    : hit.sender.isAdmin
                      ? t('hits.replyBy', { name: hit.sender.fullName })
                      : t('hits.messageFrom', { name: hit.sender.fullName })}
                </span>
                <span className="scd-hit__snippet">
                  {hit.snippet.cutBefore && '…'}
                  {snippetParts(hit.snippet.text, hit.snippet.highlights).map((part, i) =>
                    part.marked ? <mark key={i}>{part.text}</mark> : part.text,
                  )}
                  {hit.snippet.cutAfter && '…'}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function summary(hits: Hits, query: string): string {
  const n = hits.results.length;
  if (n === 0) return t('hits.none', { q: query });
  if (hits.more) return t('hits.newest', { count: n, q: query });
  return tp('hits.count', n, { q: query });
}
