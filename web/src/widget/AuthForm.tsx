/** Sign in or create an account, inside the panel. */
import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../shared/api/client';
import { login, register } from '../shared/api/users';

export function AuthForm({ api }: { api: ApiClient }) {
  const [mode, setMode] = useState<'signin' | 'register'>('signin');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fullName, setFullName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const registering = mode === 'register';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (registering)
        await register(api, {
          email,
          password,
          ...(fullName.trim() ? { fullName: fullName.trim() } : {}),
        });
      else await login(api, { email, password });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong');
      setBusy(false);
    }
  };

  return (
    <form className="scw-auth" onSubmit={onSubmit} aria-labelledby="scw-auth-title">
      <h2 id="scw-auth-title" className="scw-auth__title">
        {registering ? 'Create an account' : 'Sign in to chat with us'}
      </h2>
      {registering && (
        <label className="sc-field">
          Your name
          <input
            value={fullName}
            onChange={(e) => setFullName(e.target.value)}
            autoComplete="name"
          />
        </label>
      )}
      <label className="sc-field">
        Email
        <input
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="email"
        />
      </label>
      <label className="sc-field">
        Password
        <input
          type="password"
          required
          minLength={registering ? 8 : undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete={registering ? 'new-password' : 'current-password'}
        />
      </label>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="sc-btn" disabled={busy}>
        {busy ? 'Please wait…' : registering ? 'Create account' : 'Sign in'}
      </button>
      <p className="scw-auth__switch">
        {registering ? 'Already have an account?' : 'New here?'}{' '}
        <button
          type="button"
          className="sc-link"
          onClick={() => {
            setMode(registering ? 'signin' : 'register');
            setError(null);
          }}
        >
          {registering ? 'Sign in' : 'Create an account'}
        </button>
      </p>
    </form>
  );
}
