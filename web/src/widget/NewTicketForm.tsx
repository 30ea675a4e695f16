/** No chat yet: the first message creates the ticket, with an optional subject. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { TextField } from '../shared/ui/TextField';
import { t } from '../shared/i18n/i18n';

interface Props {
  onCreate: (message: string, subject?: string) => Promise<void>;
  offline: boolean;
}

export function NewTicketForm({ onCreate, offline }: Props) {
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!message.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onCreate(message.trim(), subject.trim() || undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : t('newTicket.couldNotSend'));
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form className="scw-new" onSubmit={onSubmit}>
      <p className="scw-new__intro">{t('newTicket.intro')}</p>
      <TextField
        label={t('newTicket.subject')}
        value={subject}
        maxLength={200}
        onChange={setSubject}
      />
      <label className="sc-field">
        {t('composer.label')}
        <textarea
          className="sc-input"
          rows={4}
          required
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      {offline && <p className="scw-hint">{t('newTicket.offline')}</p>}
      <button type="submit" className="sc-btn" disabled={busy || offline || !message.trim()}>
        {busy ? t('common.sending') : t('newTicket.start')}
      </button>
    </form>
  );
}
