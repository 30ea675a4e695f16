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
import { formatList, t } from '../../shared/i18n/i18n';
import { withKeys } from '../../shared/ui/withKeys';
import { PageRegion } from '../PageRegion';

const errorText = (e: unknown, fallback: string) => (e instanceof Error ? e.message : fallback);

export function RepliesPage({ api, inbox }: { api: ApiClient; inbox: Inbox }) {
  const [isAdmin, setIsAdmin] = useState<boolean | null>(null);
  useEffect(() => {
    fetchTeam(api)
      .then((t) => setIsAdmin(t.me.role === 'admin'))
      .catch(() => setIsAdmin(false));
  }, [api]);
  return (
    <PageRegion className="scd-team" labelledBy="scd-replies-title">
      <div className="scd-stats__head">
        <h1 id="scd-replies-title">{t('replies.title')}</h1>
      </div>
      {inbox.error && (
        <p className="sc-error" role="alert">
          {inbox.error}
        </p>
      )}
      <RepliesSection api={api} inbox={inbox} isAdmin={isAdmin === true} />
      <LabelsSection api={api} labels={inbox.labels} onChanged={inbox.reload} />
    </PageRegion>
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
      <h2 id="scd-saved-title">{t('composer.savedReplies')}</h2>
      <p className="scd-card__note">
        {withKeys(t('replies.how'), {
          slash: <kbd>/</kbd>,
          up: <kbd>↑</kbd>,
          down: <kbd>↓</kbd>,
          enter: <kbd>Enter</kbd>,
          name: <code>{'{{user.name}}'}</code>,
          email: <code>{'{{user.email}}'}</code>,
          agent: <code>{'{{agent.name}}'}</code>,
        })}
      </p>
      {isAdmin ? (
        <ReplyForm api={api} onDone={done} />
      ) : (
        <p className="scd-card__note">{t('replies.onlyAdmins')}</p>
      )}
      {!inbox.loaded ? (
        <p className="scd-loading">{t('composer.loadingReplies')}</p>
      ) : inbox.replies.length === 0 ? (
        <p>{isAdmin ? t('replies.noneAdmin') : t('replies.noneAgent')}</p>
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
            ? t('replies.savedNote', {
                shortcut: saved.shortcut,
                names: formatList(saved.unknownVariables.map((v) => `{{${v}}}`)),
              })
            : t('replies.saved', { shortcut: saved.shortcut }),
        );
      })
      .catch((err: unknown) => setError(errorText(err, t('replies.couldNotSave'))))
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="scd-reply-form"
      onSubmit={submit}
      aria-label={
        reply ? t('replies.changeShortcut', { shortcut: reply.shortcut }) : t('replies.new')
      }
    >
      <TextField
        label={t('replies.shortcut')}
        value={shortcut}
        onChange={setShortcut}
        required
        maxLength={33}
        placeholder={t('replies.shortcutExample')}
        pattern="/?[A-Za-z0-9][A-Za-z0-9_\-]*"
        title={t('replies.shortcutRule', { max: 32 })}
      />
      <div className="sc-field">
        <label htmlFor={bodyId}>{t('replies.text')}</label>
        <textarea
          id={bodyId}
          className="sc-input"
          rows={3}
          required
          maxLength={5000}
          value={body}
          placeholder={t('replies.textExample')}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <div className="scd-reply-form__actions">
        <button type="submit" className="sc-btn" disabled={busy}>
          {reply ? t('replies.saveChanges') : t('replies.add')}
        </button>
        {onCancel && (
          <button type="button" className="sc-btn sc-btn--ghost" onClick={onCancel}>
            {t('replies.cancel')}
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
          {t('replies.staysAsWritten', {
            names: formatList(reply.unknownVariables.map((v) => `{{${v}}}`)),
          })}
        </p>
      )}
      {isAdmin && (
        <div className="scd-reply-form__actions">
          <button type="button" className="sc-btn sc-btn--ghost" onClick={() => setEditing(true)}>
            {t('replies.change')}
            <span className="sc-visually-hidden"> /{reply.shortcut}</span>
          </button>
          <button
            type="button"
            className="sc-btn sc-btn--ghost"
            onClick={() => {
              if (!window.confirm(t('replies.confirmDelete', { shortcut: reply.shortcut }))) return;
              deleteSavedReply(api, reply._id)
                .then(() => onDone(t('replies.deleted', { shortcut: reply.shortcut })))
                .catch((e: unknown) => setError(errorText(e, t('replies.couldNotDelete'))));
            }}
          >
            {t('replies.delete')}
            <span className="sc-visually-hidden"> /{reply.shortcut}</span>
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
      .catch((e: unknown) => setError(errorText(e, t('team.failed'))));
  };

  return (
    <section className="scd-card scd-card--wide" aria-labelledby="scd-labels-title">
      <h2 id="scd-labels-title">{t('replies.labels')}</h2>
      <p className="scd-card__note">{t('replies.labelsHow')}</p>
      <form
        className="scd-reply-form scd-label-form"
        aria-label={t('replies.newLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!COLOUR.test(colour)) {
            setError(t('replies.colourRule'));
            return;
          }
          run(
            createLabel(api, { name, colour }).then(() => setName('')),
            t('replies.labelCreated', { name: name.trim() }),
          );
        }}
      >
        <TextField
          label={t('person.name')}
          value={name}
          onChange={setName}
          required
          maxLength={40}
        />
        <div className="sc-field">
          <label htmlFor={colourId}>{t('replies.colour')}</label>
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
            {t('replies.addLabel')}
          </button>
        </div>
      </form>
      {labels.length === 0 ? (
        <p>{t('replies.noLabels')}</p>
      ) : (
        <ul className="scd-label-list">
          {labels.map((l) => (
            <li key={`${l._id}:${l.colour}`}>
              <LabelChip label={l} />
              <label className="scd-label-list__colour">
                <span className="sc-visually-hidden">
                  {t('replies.colourOf', { name: l.name })}
                </span>
                <input
                  type="color"
                  className="scd-colour"
                  defaultValue={l.colour}
                  onBlur={(e) => {
                    if (e.target.value !== l.colour)
                      run(
                        updateLabel(api, l._id, { colour: e.target.value }),
                        t('replies.colourChanged', { name: l.name }),
                      );
                  }}
                />
              </label>
              <button
                type="button"
                className="sc-btn sc-btn--ghost"
                onClick={() => {
                  if (window.confirm(t('replies.confirmDeleteLabel', { name: l.name })))
                    run(deleteLabel(api, l._id), t('replies.labelDeleted', { name: l.name }));
                }}
              >
                {t('replies.delete')}
                <span className="sc-visually-hidden">
                  {' '}
                  {t('replies.labelName', { name: l.name })}
                </span>
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
