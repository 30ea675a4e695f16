/** Admin sign-in. A valid account without the admin role is refused and signed out again. */
import type { ApiClient } from '../shared/api/client';
import { login } from '../shared/api/users';
import { CredentialsFields, useCredentialsForm } from '../shared/ui/CredentialsFields';
import { t } from '../shared/i18n/i18n';
import type { KeyValueStore } from '../shared/storage';
import { LanguageSelect } from './LanguageSelect';

/**
 * `refusal` comes from the app: signing in with a non-admin account succeeds at the API, the app
 * then signs the session out again and this page comes back with the reason.
 */
export function LoginPage({
  api,
  storage,
  refusal,
}: {
  api: ApiClient;
  storage: KeyValueStore;
  refusal?: string | null;
}) {
  const form = useCredentialsForm(
    (credentials) => login(api, credentials),
    t('login.couldNotSignIn'),
  );
  const shown = form.error ?? refusal ?? null;

  return (
    <main className="scd-login">
      <form className="scd-login__card" onSubmit={form.onSubmit} aria-labelledby="scd-login-title">
        <h1 id="scd-login-title">{t('dash.title')}</h1>
        <p className="scd-login__intro">{t('login.intro')}</p>
        <CredentialsFields form={form} emailAutoComplete="username" />
        {shown && (
          <p className="sc-error scd-login__error" role="alert">
            {shown}
          </p>
        )}
        <button type="submit" className="sc-btn" disabled={form.busy}>
          {form.busy ? t('login.signingIn') : t('auth.signIn')}
        </button>
        <LanguageSelect storage={storage} className="sc-input scd-login__lang" />
      </form>
    </main>
  );
}
