/** The agent's language: each language named in itself, remembered in this browser. */
import { useState } from 'react';
import { currentLocale, LOCALE_NAMES, LOCALES, supportedLocale, t } from '../shared/i18n/i18n';
import type { KeyValueStore } from '../shared/storage';
import { chooseLanguage } from './language';

export function LanguageSelect({
  storage,
  className,
}: {
  storage: KeyValueStore;
  className?: string;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <select
      className={className}
      aria-label={t('dash.language')}
      value={currentLocale()}
      disabled={busy}
      onChange={(event) => {
        const locale = supportedLocale(event.target.value);
        if (!locale) return;
        setBusy(true);
        // The app re-renders in the new language (this select with it) once it is loaded.
        void chooseLanguage(storage, locale).finally(() => setBusy(false));
      }}
    >
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NAMES[locale]}
        </option>
      ))}
    </select>
  );
}
