/**
 * The open chat's labels: remove one with its ×, add one from the team's labels, or create a new
 * one on the spot. Other dashboards follow through `chat_labels_updated`.
 */
import { useEffect, useId, useState } from 'react';
import type { ApiClient } from '../../shared/api/client';
import { addChatLabel, chatLabels, createLabel, removeChatLabel } from '../../shared/api/inbox';
import type { SocketConnection } from '../../shared/socket/connection';
import type { Label } from '../../shared/types';
import { PALETTE } from './colours';
import { LabelChip } from './LabelChips';
import { t } from '../../shared/i18n/i18n';

interface Props {
  api: ApiClient;
  connection: Pick<SocketConnection, 'on'>;
  chatId: string;
  all: Label[];
  /** The chat's labels changed (by this dashboard or another): the list rows follow. */
  onChanged: (chatId: string, labels: Label[]) => void;
}

const NEW = '__new__';

export function LabelEditor({ api, connection, chatId, all, onChanged }: Props) {
  const [labels, setLabels] = useState<Label[] | null>(null);
  const [choice, setChoice] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const nameId = useId();

  useEffect(() => {
    let cancelled = false;
    chatLabels(api, chatId)
      .then((l) => !cancelled && setLabels(l))
      .catch(() => !cancelled && setError(t('labels.couldNotLoad')));
    const off = connection.on('chat_labels_updated', (event) => {
      if (event.chatId === chatId) setLabels(event.labels);
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [api, connection, chatId]);

  const apply = async (change: () => Promise<Label[]>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await change();
      setLabels(next);
      onChanged(chatId, next);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : t('pane.failed'));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onIds = new Set((labels ?? []).map((l) => l._id));
  const addable = all.filter((l) => !onIds.has(l._id));

  const add = async () => {
    if (!choice || choice === NEW) return;
    if (await apply(() => addChatLabel(api, chatId, choice))) setChoice('');
  };

  const createAndAdd = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('labels.nameIt'));
      return;
    }
    const colour = PALETTE[all.length % PALETTE.length] ?? '#2f6fde';
    const ok = await apply(async () => {
      const created = await createLabel(api, { name: trimmed, colour });
      return addChatLabel(api, chatId, created._id);
    });
    if (ok) {
      setName('');
      setChoice('');
    }
  };

  return (
    <div className="scd-label-editor" role="group" aria-label={t('labels.ofChat')}>
      <span className="scd-label-editor__title">{t('labels.prefix')}</span>
      {labels === null && !error && <span className="scd-muted">{t('common.loading')}</span>}
      {labels?.length === 0 && <span className="scd-muted">{t('labels.noneYet')}</span>}
      {labels?.map((l) => (
        <LabelChip
          key={l._id}
          label={l}
          onRemove={busy ? undefined : () => void apply(() => removeChatLabel(api, chatId, l._id))}
        />
      ))}
      <form
        className="scd-label-editor__add"
        onSubmit={(e) => {
          e.preventDefault();
          void (choice === NEW ? createAndAdd() : add());
        }}
      >
        <label className="sc-visually-hidden" htmlFor={selectId}>
          {t('labels.add')}
        </label>
        <select
          id={selectId}
          className="sc-input scd-label-editor__select"
          value={choice}
          disabled={busy}
          onChange={(e) => setChoice(e.target.value)}
        >
          <option value="">{t('labels.addChoice')}</option>
          {addable.map((l) => (
            <option key={l._id} value={l._id}>
              {l.name}
            </option>
          ))}
          <option value={NEW}>{t('labels.new')}</option>
        </select>
        {choice === NEW && (
          <>
            <label className="sc-visually-hidden" htmlFor={nameId}>
              {t('labels.newName')}
            </label>
            <input
              id={nameId}
              className="sc-input scd-label-editor__name"
              maxLength={40}
              placeholder={t('labels.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </>
        )}
        <button type="submit" className="sc-btn sc-btn--ghost" disabled={busy || !choice}>
          {t('labels.addButton')}
        </button>
      </form>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
