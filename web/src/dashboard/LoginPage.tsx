/** Admin sign-in. A valid account without the admin role is refused and signed out again. */
import type { ApiClient } from '../shared/api/client';
import { login } from '../shared/api/users';
import { CredentialsFields, useCredentialsForm } from '../shared/ui/CredentialsFields';

export const NOT_ADMIN_MESSAGE =
  'This account is not a support admin, so it cannot use the dashboard. Customers chat with us through the chat bubble on the website.';

/**
 * `refusal` comes from the app: signing in with a non-admin account succeeds at the API, the app
 * then signs the session out again and this page comes back with the reason.
 */
export function LoginPage({ api, refusal }: { api: ApiClient; refusal?: string | null }) {
  const form = useCredentialsForm((credentials) => login(api, credentials), 'Could not sign in');
  const shown = form.error ?? refusal ?? null;

  return (
    <main className="scd-login">
      <form className="scd-login__card" onSubmit={form.onSubmit} aria-labelledby="scd-login-title">
        <h1 id="scd-login-title">Support dashboard</h1>
        <p className="scd-login__intro">Sign in with your admin account.</p>
        <CredentialsFields form={form} emailAutoComplete="username" />
        {shown && (
          <p className="sc-error scd-login__error" role="alert">
            {shown}
          </p>
        )}
        <button type="submit" className="sc-btn" disabled={form.busy}>
          {form.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
