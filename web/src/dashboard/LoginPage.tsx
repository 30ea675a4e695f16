/** Admin sign-in. A valid account without the admin role is refused and signed out again. */
import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../shared/api/client';
import { login } from '../shared/api/users';

export const NOT_ADMIN_MESSAGE =
  'This account is not a support admin, so it cannot use the dashboard. Customers chat with us through the chat bubble on the website.';

/**
 * `refusal` comes from the app: signing in with a non-admin account succeeds at the API, the app
 * then signs the session out again and this page comes back with the reason.
 */
export function LoginPage({ api, refusal }: { api: ApiClient; refusal?: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = error ?? refusal ?? null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(api, { email, password });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not sign in');
      setBusy(false);
    }
  };

  return (
    <main className="scd-login">
      <form className="scd-login__card" onSubmit={onSubmit} aria-labelledby="scd-login-title">
        <h1 id="scd-login-title">Support dashboard</h1>
        <p className="scd-login__intro">Sign in with your admin account.</p>
        <label className="sc-field">
          Email
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="username"
          />
        </label>
        <label className="sc-field">
          Password
          <input
            type="password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </label>
        {shown && (
          <p className="sc-error scd-login__error" role="alert">
            {shown}
          </p>
        )}
        <button type="submit" className="sc-btn" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
