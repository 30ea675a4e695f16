/**
 * "How did we do?" under a resolved chat: five choices (radio buttons, so arrow keys move between
 * them and a screen reader reads "3 out of 5"), an optional comment, once per resolution.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../shared/api/client';
import { fetchRating, rateChat } from '../shared/api/chats';
import type { Rating } from '../shared/types';

const LABELS = ['Very poor', 'Poor', 'Okay', 'Good', 'Excellent'];
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
        {state.justNow ? 'Thank you for your rating! ' : ''}You rated this conversation{' '}
        {state.rating.score} out of 5.
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setState({ kind: 'ask', sending: false, error: 'Choose a rating from 1 to 5 first.' });
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
          error: 'Your rating could not be sent. Please try again in a moment.',
        });
      });
  };

  return (
    <form className="scw-rating" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <fieldset className="scw-rating__scale">
        <legend id={`${id}-title`}>How did we do? Rate this conversation.</legend>
        <div className="scw-rating__choices">
          {LABELS.map((label, i) => {
            const value = i + 1;
            return (
              <label key={value} className="scw-rating__choice" title={label}>
                <input
                  type="radio"
                  name={`${id}-score`}
                  value={value}
                  checked={score === value}
                  onChange={() => setScore(value)}
                />
                <span aria-hidden="true">{value}</span>
                <span className="sc-visually-hidden">
                  {value} out of 5, {label}
                </span>
              </label>
            );
          })}
        </div>
        <p className="scw-rating__ends" aria-hidden="true">
          <span>Very poor</span>
          <span>Excellent</span>
        </p>
      </fieldset>
      <label className="scw-rating__comment">
        Comment (optional)
        <textarea
          value={comment}
          maxLength={MAX_COMMENT}
          rows={2}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      <button type="submit" className="sc-btn" disabled={state.sending}>
        {state.sending ? 'Sending…' : 'Send rating'}
      </button>
      <p role="status" className="scw-rating__error">
        {state.error ?? ''}
      </p>
    </form>
  );
}
