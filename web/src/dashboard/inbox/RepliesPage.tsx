/**
 * The Replies page: the team's saved replies (everyone reads them; admins of the team add, change
 * and delete them) and its labels (any member manages them).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../shared/api/client';
import {
  createLabel,
  createSavedReply,
  deleteLabel,
  deleteSavedReply,
  updateLabel,
  updateSavedReply,
  type SavedReply,
} from '../../shared/api/inbox';
import { fetchTeam } from '../../shared/api/team';
import type { Label } from '../../shared/types';
import { TextField } from '../../shared/ui/TextField';
import { COLOUR, PALETTE } from './colours';
import { LabelChip } from './LabelChips';
import type { Inbox } from './useInbox';

const errorText = (e: unknown, fallback: string) => (e instanceof Error ? e.message : fallback);

export function RepliesPage({ api, inbox }: { api: ApiClient; inbox: Inbox }) {
  const [isAdmin, setIsAdmin] = useState<boolean | null>(null);
  useEffect(() => {
    fetchTeam(api)
      .then((t) => setIsAdmin(t.me.role === 'admin'))
      .catch(() => setIsAdmin(false));
  }, [api]);
  return (
    <main className="scd-stats scd-team" aria-labelledby="scd-replies-title">
      <div className="scd-stats__head">
        <h1 id="scd-replies-title">Saved replies and labels</h1>
      </div>
      {inbox.error && (
        <p className="sc-error" role="alert">
          {inbox.error}
        </p>
      )}
      <RepliesSection api={api} inbox={inbox} isAdmin={isAdmin === true} />
      <LabelsSection api={api} labels={inbox.labels} onChanged={inbox.reload} />
    </main>
  );
}

function RepliesSection({
  api,
  inbox,
  isAdmin,
}: {
  api: ApiClient;
  inbox: Inbox;
  isAdmin: boolean;
}) {
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setMessage(text);
    inbox.reload();
  };
  return (
    <section className="scd-card scd-card--wide" aria-labelledby="scd-saved-title">
      <h2 id="scd-saved-title">Saved replies</h2>
      <p className="scd-card__note">
        In a chat, type <kbd>/</kbd> and the start of a shortcut, choose with <kbd>↑</kbd>{' '}
        <kbd>↓</kbd> and press <kbd>Enter</kbd>. <code>{'{{user.name}}'}</code>,{' '}
        <code>{'{{user.email}}'}</code> and <code>{'{{agent.name}}'}</code> are filled in; anything
        else in braces stays as written, for you to complete.
      </p>
      {isAdmin ? (
        <ReplyForm api={api} onDone={done} />
      ) : (
        <p className="scd-card__note">Only admins of the team add or change saved replies.</p>
      )}
      {!inbox.loaded ? (
        <p className="scd-loading">Loading saved replies…</p>
      ) : inbox.replies.length === 0 ? (
        <p>
          {isAdmin
            ? 'No saved replies yet. Add the answers your team gives most often.'
            : 'No saved replies yet. Ask an admin of your team to add some.'}
        </p>
      ) : (
        <ul className="scd-replies">
          {inbox.replies.map((r) => (
            <ReplyRow
              key={`${r._id}:${r.updatedAt}`}
              api={api}
              reply={r}
              isAdmin={isAdmin}
              onDone={done}
            />
          ))}
        </ul>
      )}
      <p className="scd-card__note" role="status">
        {message}
      </p>
    </section>
  );
}

function ReplyForm({
  api,
  reply,
  onDone,
  onCancel,
}: {
  api: ApiClient;
  reply?: SavedReply;
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const bodyId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const action = reply
      ? updateSavedReply(api, reply._id, { shortcut, body })
      : createSavedReply(api, { shortcut, body });
    action
      .then((saved) => {
        if (!reply) {
          setShortcut('');
          setBody('');
        }
        onDone(
          saved.unknownVariables.length > 0
            ? `Saved /${saved.shortcut}. Note: ${saved.unknownVariables.map((v) => `{{${v}}}`).join(', ')} will stay as written.`
            : `Saved /${saved.shortcut}.`,
        );
      })
      .catch((err: unknown) => setError(errorText(err, 'The reply could not be saved.')))
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="scd-reply-form"
      onSubmit={submit}
      aria-label={reply ? `Change /${reply.shortcut}` : 'New saved reply'}
    >
      <TextField
        label="Shortcut"
        value={shortcut}
        onChange={setShortcut}
        required
        maxLength={33}
        placeholder="refund"
        pattern="/?[A-Za-z0-9][A-Za-z0-9_\-]*"
        title="Letters, digits, - and _ (up to 32)"
      />
      <div className="sc-field">
        <label htmlFor={bodyId}>Text</label>
        <textarea
          id={bodyId}
          className="sc-input"
          rows={3}
          required
          maxLength={5000}
          value={body}
          placeholder="Hi {{user.name}}, your refund is on its way."
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <div className="scd-reply-form__actions">
        <button type="submit" className="sc-btn" disabled={busy}>
          {reply ? 'Save changes' : 'Add saved reply'}
        </button>
        {onCancel && (
          <button type="button" className="sc-btn sc-btn--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function ReplyRow({
  api,
  reply,
  isAdmin,
  onDone,
}: {
  api: ApiClient;
  reply: SavedReply;
  isAdmin: boolean;
  onDone: (message: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (editing)
    return (
      <li className="scd-replies__item">
        <ReplyForm
          api={api}
          reply={reply}
          onDone={(m) => {
            setEditing(false);
            onDone(m);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  return (
    <li className="scd-replies__item">
      <p className="scd-replies__shortcut">/{reply.shortcut}</p>
      <p className="scd-replies__body">{reply.body}</p>
      {reply.unknownVariables.length > 0 && (
        <p className="scd-card__note">
          Stays as written: {reply.unknownVariables.map((v) => `{{${v}}}`).join(', ')}
        </p>
      )}
      {isAdmin && (
        <div className="scd-reply-form__actions">
          <button type="button" className="sc-btn sc-btn--ghost" onClick={() => setEditing(true)}>
            Change<span className="sc-visually-hidden"> /{reply.shortcut}</span>
          </button>
          <button
            type="button"
            className="sc-btn sc-btn--ghost"
            onClick={() => {
              if (!window.confirm(`Delete the saved reply /${reply.shortcut}?`)) return;
              deleteSavedReply(api, reply._id)
                .then(() => onDone(`Deleted /${reply.shortcut}.`))
                .catch((e: unknown) => setError(errorText(e, 'It could not be deleted.')));
            }}
          >
            Delete<span className="sc-visually-hidden"> /{reply.shortcut}</span>
          </button>
        </div>
      )}
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function LabelsSection({
  api,
  labels,
  onChanged,
}: {
  api: ApiClient;
  labels: Label[];
  onChanged: () => void;
}) {
  const [name, setName] = useState('');
  const [colour, setColour] = useState(PALETTE[0] ?? '#2f6fde');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const colourId = useId();

  const run = (action: Promise<unknown>, done: string) => {
    setError(null);
    setMessage('');
    action
      .then(() => {
        setMessage(done);
        onChanged();
      })
      .catch((e: unknown) => setError(errorText(e, 'That did not work.')));
  };

  return (
    <section className="scd-card scd-card--wide" aria-labelledby="scd-labels-title">
      <h2 id="scd-labels-title">Labels</h2>
      <p className="scd-card__note">
        Put labels on chats in the conversation; filter the chat list by label. People who chat
        never see them.
      </p>
      <form
        className="scd-reply-form scd-label-form"
        aria-label="New label"
        onSubmit={(e) => {
          e.preventDefault();
          if (!COLOUR.test(colour)) {
            setError('Choose a colour written #rrggbb.');
            return;
          }
          run(
            createLabel(api, { name, colour }).then(() => setName('')),
            `Label ${name.trim()} created.`,
          );
        }}
      >
        <TextField label="Name" value={name} onChange={setName} required maxLength={40} />
        <div className="sc-field">
          <label htmlFor={colourId}>Colour</label>
          <input
            id={colourId}
            type="color"
            className="scd-colour"
            value={colour}
            onChange={(e) => setColour(e.target.value)}
          />
        </div>
        <div className="scd-reply-form__actions">
          <button type="submit" className="sc-btn">
            Add label
          </button>
        </div>
      </form>
      {labels.length === 0 ? (
        <p>No labels yet. Add one here or from a conversation.</p>
      ) : (
        <ul className="scd-label-list">
          {labels.map((l) => (
            <li key={`${l._id}:${l.colour}`}>
              <LabelChip label={l} />
              <label className="scd-label-list__colour">
                <span className="sc-visually-hidden">Colour of {l.name}</span>
                <input
                  type="color"
                  className="scd-colour"
                  defaultValue={l.colour}
                  onBlur={(e) => {
                    if (e.target.value !== l.colour)
                      run(
                        updateLabel(api, l._id, { colour: e.target.value }),
                        `Colour of ${l.name} changed.`,
                      );
                  }}
                />
              </label>
              <button
                type="button"
                className="sc-btn sc-btn--ghost"
                onClick={() => {
                  if (window.confirm(`Delete the label ${l.name}? It is taken off every chat.`))
                    run(deleteLabel(api, l._id), `Label ${l.name} deleted.`);
                }}
              >
                Delete<span className="sc-visually-hidden"> label {l.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      <p className="scd-card__note" role="status">
        {message}
      </p>
    </section>
  );
}
