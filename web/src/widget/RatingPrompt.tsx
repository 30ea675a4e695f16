/**
 * "How did we do?" under a resolved chat: five choices (radio buttons, so arrow keys move between
 * them and a screen reader reads "3 out of 5"), an optional comment, once per resolution.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../shared/api/client';
import { fetchRating, rateChat } from '../shared/api/chats';
import type { Rating } from '../shared/types';
import { formatNumber, t } from '../shared/i18n/i18n';

const SCORES = [1, 2, 3, 4, 5] as const;
const MAX_COMMENT = 1000;

type State =
  | { kind: 'loading' }
  | { kind: 'hidden' }
  | { kind: 'ask'; sending: boolean; error: string | null }
  | { kind: 'done'; rating: Rating; justNow: boolean };

export function RatingPrompt({ api, chatId }: { api: ApiClient; chatId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const id = useId();

  useEffect(() => {
    let live = true;
    fetchRating(api, chatId)
      .then((r) => {
        if (!live) return;
        if (r.rating) setState({ kind: 'done', rating: r.rating, justNow: false });
        else
          setState(r.canRate ? { kind: 'ask', sending: false, error: null } : { kind: 'hidden' });
      })
      .catch(() => live && setState({ kind: 'hidden' }));
    return () => {
      live = false;
    };
  }, [api, chatId]);

  if (state.kind === 'loading' || state.kind === 'hidden') return null;
  if (state.kind === 'done') {
    return (
      <p className="scw-rating__thanks" role="status">
        {state.justNow ? `${t('rating.thanks')} ` : ''}
        {t('rating.given', { score: state.rating.score, max: 5 })}
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setState({ kind: 'ask', sending: false, error: t('rating.chooseFirst', { min: 1, max: 5 }) });
      return;
    }
    setState({ kind: 'ask', sending: true, error: null });
    rateChat(api, chatId, { score, comment: comment.trim() || undefined })
      .then((rating) => setState({ kind: 'done', rating, justNow: true }))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 409) {
          // Rated already (another tab) or reopened meanwhile: show what the server has.
          fetchRating(api, chatId)
            .then((r) =>
              setState(
                r.rating ? { kind: 'done', rating: r.rating, justNow: false } : { kind: 'hidden' },
              ),
            )
            .catch(() => setState({ kind: 'hidden' }));
          return;
        }
        setState({
          kind: 'ask',
          sending: false,
          error: t('rating.failed'),
        });
      });
  };

  return (
    <form className="scw-rating" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <fieldset className="scw-rating__scale">
        <legend id={`${id}-title`}>{t('rating.legend')}</legend>
        <div className="scw-rating__choices">
          {SCORES.map((value) => {
            const label = t(`rating.${value}`);
            return (
              <label key={value} className="scw-rating__choice" title={label}>
                <input
                  type="radio"
                  name={`${id}-score`}
                  value={value}
                  checked={score === value}
                  onChange={() => setScore(value)}
                />
                <span aria-hidden="true">{formatNumber(value)}</span>
                <span className="sc-visually-hidden">
                  {t('rating.choice', { value, label, max: 5 })}
                </span>
              </label>
            );
          })}
        </div>
        <p className="scw-rating__ends" aria-hidden="true">
          <span>{t('rating.1')}</span>
          <span>{t('rating.5')}</span>
        </p>
      </fieldset>
      <label className="scw-rating__comment">
        {t('rating.comment')}
        <textarea
          value={comment}
          maxLength={MAX_COMMENT}
          rows={2}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      <button type="submit" className="sc-btn" disabled={state.sending}>
        {state.sending ? t('common.sending') : t('rating.send')}
      </button>
      <p role="status" className="scw-rating__error">
        {state.error ?? ''}
      </p>
    </form>
  );
}
