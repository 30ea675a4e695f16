/** The files attached to a message being written: progress, a reason when refused, Remove. */
import { humanSize } from '../logic/attachments';
import type { AttachmentDraft } from '../react/useAttachmentDraft';
import { t } from '../i18n/i18n';

export function AttachmentTray({ draft }: { draft: AttachmentDraft }) {
  const { files, refusal } = draft;
  return (
    <>
      {/* Always in the page, so a screen reader hears the sentence when it appears. */}
      <p className="sc-error sc-tray__refusal" role="alert">
        {refusal}
      </p>
      {files.length > 0 && (
        <ul className="sc-tray" aria-label={t('files.attached')}>
          {files.map((f) => (
            <li key={f.key} className={`sc-tray__file sc-tray__file--${f.state}`}>
              <span className="sc-tray__name">{f.name}</span>
              <span className="sc-tray__size">{humanSize(f.size)}</span>
              {f.state === 'uploading' && (
                <progress
                  className="sc-tray__progress"
                  max={100}
                  value={Math.round(f.progress * 100)}
                  aria-label={t('files.uploading', { name: f.name })}
                />
              )}
              {f.state === 'ready' && <span className="sc-tray__state">{t('files.ready')}</span>}
              {f.state === 'failed' && (
                <span className="sc-tray__state">{t('files.notUploaded')}</span>
              )}
              <button
                type="button"
                className="sc-link sc-tray__remove"
                aria-label={t('files.removeNamed', { name: f.name })}
                onClick={() => draft.remove(f.key)}
              >
                {t('files.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
