/** The top bar's theme choice: system, light or dark. A native select: keyboard and screen readers know it. */
import { useState } from 'react';
import { applyTheme, loadThemeChoice, parseThemeChoice, saveThemeChoice } from './theme';

export function ThemeToggle() {
  const [choice, setChoice] = useState(loadThemeChoice);
  return (
    <label className="scd-topbar__theme">
      <span className="sc-visually-hidden">Colour theme</span>
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
        <option value="system">Theme: system</option>
        <option value="light">Theme: light</option>
        <option value="dark">Theme: dark</option>
      </select>
    </label>
  );
}
