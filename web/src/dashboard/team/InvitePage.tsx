/** Where an invite link lands: who it is for, then a name and password, then the dashboard. */
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../shared/api/client';
import { acceptInvite, previewInvite, type Role } from '../../shared/api/team';
import { TextField } from '../../shared/ui/TextField';

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
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'This link does not work.'));
  }, [api, token]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    acceptInvite(api, token, fullName, password)
      .then(onDone)
      .catch((err: unknown) => {
        setError(err instanceof Error ? err.message : 'Could not join the team.');
        setBusy(false);
      });
  };

  return (
    <main className="scd-login">
      <form className="scd-login__card" onSubmit={submit} aria-labelledby="scd-invite-page-title">
        <h1 id="scd-invite-page-title">Join the support team</h1>
        {!invite && !error && <p className="scd-login__intro">Checking your invite…</p>}
        {invite && (
          <>
            <p className="scd-login__intro">
              You were invited as {invite.role === 'admin' ? 'an admin' : 'an agent'} with{' '}
              <strong>{invite.email}</strong>. Choose the name your colleagues and customers see,
              and a password.
            </p>
            <TextField
              label="Your name"
              required
              maxLength={100}
              value={fullName}
              onChange={setFullName}
              autoComplete="name"
            />
            <TextField
              label="Password (at least 8 characters)"
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
            {busy ? 'Joining…' : 'Join the team'}
          </button>
        )}
        <a href="/admin/support" className="scd-login__alt" onClick={onDone}>
          I already have an account: sign in
        </a>
      </form>
    </main>
  );
}
