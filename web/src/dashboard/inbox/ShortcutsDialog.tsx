/**
 * The `?` dialog: every keyboard shortcut. A modal dialog: focus moves in and stays in (Tab wraps),
 * Escape or the Close button closes it and gives the focus back to where it was.
 */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';
import { t } from '../../shared/i18n/i18n';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = Array.from(
      dialog.current.querySelectorAll<HTMLElement>(
        'button, [href], [tabindex]:not([tabindex="-1"])',
      ),
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="scd-modal" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="scd-modal__box"
        role="dialog"
        aria-modal="true"
        aria-labelledby="scd-shortcuts-title"
        onKeyDown={onKeyDown}
      >
        <h2 id="scd-shortcuts-title">{t('shortcuts.title')}</h2>
        <p className="scd-muted">{t('shortcuts.where')}</p>
        <dl className="scd-shortcuts">
          {SHORTCUTS.map((s) => (
            <div key={s.key} className="scd-shortcuts__row">
              <dt>
                <kbd>{s.key}</kbd>
              </dt>
              <dd>{t(`shortcuts.${s.action}`)}</dd>
            </div>
          ))}
          <div className="scd-shortcuts__row">
            <dt>
              <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd>
            </dt>
            <dd>{t('shortcuts.pick')}</dd>
          </div>
          <div className="scd-shortcuts__row">
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>{t('shortcuts.escape')}</dd>
          </div>
        </dl>
        <button ref={close} type="button" className="sc-btn" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </div>
  );
}
