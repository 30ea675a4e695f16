/** Status and priority dropdowns, "Assign to me", and assigning to another admin. */
import { useState } from 'react';
import { assignChat, unassignChat, updateChatStatus } from '../../shared/api/chats';
import type { ApiClient } from '../../shared/api/client';
import type { AdminInfo, Chat } from '../../shared/types';
import { SelectField } from '../../shared/ui/SelectField';
import { PrioritySelect, StatusSelect } from './ChatSelects';
import { t } from '../../shared/i18n/i18n';

interface Props {
  api: ApiClient;
  chat: Chat;
  meId: string;
  admins: AdminInfo[];
  onChanged: (chat: Chat) => void;
}

export function ChatControls({ api, chat, meId, admins, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [assignee, setAssignee] = useState('');

  const run = async (action: () => Promise<Chat>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
    } catch (e) {
      setError(e instanceof Error ? e.message : t('controls.failed'));
    } finally {
      setBusy(false);
    }
  };

  // "Assign to me" is its own button: the list holds the others, each once.
  const others = admins.filter((a) => a._id !== chat.admin?._id && a._id !== meId);
  return (
    <div className="scd-controls">
      <StatusSelect
        value={chat.status}
        disabled={busy}
        onChange={(status) => void run(() => updateChatStatus(api, chat._id, { status }))}
      />
      <PrioritySelect
        value={chat.priority}
        disabled={busy}
        onChange={(priority) => void run(() => updateChatStatus(api, chat._id, { priority }))}
      />
      <div className="scd-controls__assign">
        <span className="scd-controls__assignee">
          {t('controls.assignedTo')}{' '}
          <strong>
            {chat.admin
              ? chat.admin._id === meId
                ? t('controls.you')
                : chat.admin.fullName
              : t('controls.nobody')}
          </strong>
        </span>
        {chat.admin?._id !== meId && (
          <button
            type="button"
            className="sc-btn"
            disabled={busy}
            onClick={() => void run(() => assignChat(api, chat._id))}
          >
            {t('controls.assignToMe')}
          </button>
        )}
        {chat.admin && (
          <button
            type="button"
            className="sc-btn sc-btn--ghost"
            disabled={busy}
            onClick={() => void run(() => unassignChat(api, chat._id))}
          >
            {t('controls.unassign')}
          </button>
        )}
        {others.length > 0 && (
          <form
            className="scd-controls__other"
            onSubmit={(e) => {
              e.preventDefault();
              if (assignee)
                void run(() => assignChat(api, chat._id, assignee)).then(() => setAssignee(''));
            }}
          >
            <SelectField
              label={t('controls.assignOther')}
              hideLabel
              value={assignee}
              onChange={setAssignee}
            >
              <option value="">{t('controls.assignTo')}</option>
              {others.map((a) => (
                <option key={a._id} value={a._id}>
                  {a.online
                    ? t('controls.online', { name: a.fullName || a.email })
                    : a.fullName || a.email}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="sc-btn sc-btn--ghost" disabled={busy || !assignee}>
              {t('controls.assign')}
            </button>
          </form>
        )}
      </div>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
