/** The top bar's theme choice: system, light or dark. A native select: keyboard and screen readers know it. */
import { useState } from 'react';
import { t } from '../shared/i18n/i18n';
import { applyTheme, loadThemeChoice, parseThemeChoice, saveThemeChoice } from './theme';

export function ThemeToggle() {
  const [choice, setChoice] = useState(loadThemeChoice);
  return (
    <label className="scd-topbar__theme">
      <span className="sc-visually-hidden">{t('theme.label')}</span>
      <select
        className="scd-topbar__select"
        value={choice}
        onChange={(event) => {
          const next = parseThemeChoice(event.currentTarget.value);
          setChoice(next);
          saveThemeChoice(next);
          applyTheme(next);
        }}
      >
        <option value="system">{t('theme.system')}</option>
        <option value="light">{t('theme.light')}</option>
        <option value="dark">{t('theme.dark')}</option>
      </select>
    </label>
  );
}
