/** Where an invite link lands: who it is for, then a name and password, then the dashboard. */
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../shared/api/client';
import { acceptInvite, previewInvite, type Role } from '../../shared/api/team';
import { TextField } from '../../shared/ui/TextField';
import { t } from '../../shared/i18n/i18n';
import { withKeys } from '../../shared/ui/withKeys';

export function InvitePage({
  api,
  token,
  onDone,
}: {
  api: ApiClient;
  token: string;
  onDone: () => void;
}) {
  const [invite, setInvite] = useState<{ email: string; role: Role } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    previewInvite(api, token)
      .then(setInvite)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('invite.badLink')));
  }, [api, token]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    acceptInvite(api, token, fullName, password)
      .then(onDone)
      .catch((err: unknown) => {
        setError(err instanceof Error ? err.message : t('invite.couldNotJoin'));
        setBusy(false);
      });
  };

  return (
    <main className="scd-login">
      <form className="scd-login__card" onSubmit={submit} aria-labelledby="scd-invite-page-title">
        <h1 id="scd-invite-page-title">{t('invite.title')}</h1>
        {!invite && !error && <p className="scd-login__intro">{t('invite.checking')}</p>}
        {invite && (
          <>
            <p className="scd-login__intro">
              {withKeys(t(invite.role === 'admin' ? 'invite.introAdmin' : 'invite.introAgent'), {
                email: <strong>{invite.email}</strong>,
              })}
            </p>
            <TextField
              label={t('auth.yourName')}
              required
              maxLength={100}
              value={fullName}
              onChange={setFullName}
              autoComplete="name"
            />
            <TextField
              label={t('invite.password', { min: 8 })}
              type="password"
              required
              minLength={8}
              value={password}
              onChange={setPassword}
              autoComplete="new-password"
            />
          </>
        )}
        {error && (
          <p className="sc-error scd-login__error" role="alert">
            {error}
          </p>
        )}
        {invite && (
          <button type="submit" className="sc-btn" disabled={busy}>
            {busy ? t('invite.joining') : t('invite.join')}
          </button>
        )}
        <a href="/admin/support" className="scd-login__alt" onClick={onDone}>
          {t('invite.haveAccount')}
        </a>
      </form>
    </main>
  );
}
