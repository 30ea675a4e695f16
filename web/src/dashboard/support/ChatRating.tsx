/** The user's ratings of this conversation, for its agents: newest first, with their comments. */
import { useEffect, useState } from 'react';
import { fetchRating } from '../../shared/api/chats';
import type { ApiClient } from '../../shared/api/client';
import type { SocketConnection } from '../../shared/socket/connection';
import type { Rating } from '../../shared/types';
import { formatDate, t } from '../../shared/i18n/i18n';

export function ChatRating({
  api,
  connection,
  chatId,
  version,
}: {
  api: ApiClient;
  connection: SocketConnection;
  chatId: string;
  /** Changes when the chat does (a new resolution), so the ratings are read again. */
  version: string;
}) {
  const [ratings, setRatings] = useState<{ chatId: string; list: Rating[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      fetchRating(api, chatId)
        .then((r) => {
          if (!live) return;
          setRatings({ chatId, list: r.history });
          setError(null);
        })
        .catch(() => live && setError(t('rating.couldNotLoad')));
    load();
    const off = connection.on('support_chat_rated', (event) => {
      if (event.chatId === chatId) load();
    });
    return () => {
      live = false;
      off();
    };
  }, [api, connection, chatId, version]);

  if (error) {
    return (
      <p className="scd-rating sc-error" role="status">
        {error}
      </p>
    );
  }
  const list = ratings?.chatId === chatId ? ratings.list : [];
  if (list.length === 0) return null;
  return (
    <section className="scd-rating" aria-label={t('rating.section')}>
      <ul>
        {list.map((r) => (
          <li key={r._id}>
            <strong>
              {t('rating.rated', { score: r.score, max: 5 })}
              <span aria-hidden="true"> {'★'.repeat(r.score)}</span>
            </strong>{' '}
            <span className="scd-rating__when">
              {t('rating.on', {
                date: formatDate(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
            </span>
            {r.comment && <q className="scd-rating__comment">{r.comment}</q>}
          </li>
        ))}
      </ul>
    </section>
  );
}
