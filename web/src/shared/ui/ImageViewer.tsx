/**
 * The full-size view of an image: a modal dialog (the browser traps the focus and Escape closes
 * it); loaded only when someone opens an image, so the widget's first load stays small.
 */
import { useEffect, useRef } from 'react';
import { t } from '../i18n/i18n';

interface Props {
  src: string;
  name: string;
  onClose: () => void;
}

export default function ImageViewer({ src, name, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="sc-viewer"
      aria-label={name}
      onClose={onClose}
      onCancel={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        // The widget's panel also closes on Escape: this Escape is the dialog's alone.
        if (e.key === 'Escape') e.stopPropagation();
      }}
      onClick={(e) => {
        if (e.target === dialog.current) dialog.current?.close(); // a click beside the image
      }}
    >
      <div className="sc-viewer__bar">
        <span className="sc-viewer__name">{name}</span>
        <button type="button" className="sc-btn" autoFocus onClick={() => dialog.current?.close()}>
          {t('files.closeViewer')}
        </button>
      </div>
      <img className="sc-viewer__img" src={src} alt={name} />
    </dialog>
  );
}
