/**
 * A message's files: images as thumbnails (fetched with the viewer's token, shown from blob:
 * URLs) that open full size, other files as a named download with their size.
 */
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { attachmentBlobUrl, downloadAttachment, isAttachmentPath } from '../api/attachments';
import type { ApiClient } from '../api/client';
import { humanSize, isImage } from '../logic/attachments';
import type { Attachment } from '../types';
import { t } from '../i18n/i18n';

const ImageViewer = lazy(() => import('./ImageViewer'));

/** The thumbnail's box; the image is fitted inside, so nothing moves when it arrives. */
const THUMB_WIDTH = 160;
const THUMB_HEIGHT = 120;

export function AttachmentList({
  api,
  attachments,
}: {
  api: ApiClient;
  attachments: Attachment[];
}) {
  return (
    <ul className="sc-msg__files">
      {attachments.map((a) => (
        <li key={a._id}>
          {!isAttachmentPath(a.url) ? (
            a.fileName
          ) : isImage(a.contentType) ? (
            <Thumbnail api={api} attachment={a} />
          ) : (
            <FileLink api={api} attachment={a} />
          )}
        </li>
      ))}
    </ul>
  );
}

function FileLink({ api, attachment: a }: { api: ApiClient; attachment: Attachment }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <a
        className="sc-file"
        href={`${api.baseUrl}${a.url}`}
        download={a.fileName}
        onClick={(e) => {
          // The link needs the bearer token, which a plain navigation would not carry.
          e.preventDefault();
          setError(null);
          downloadAttachment(api, a).catch((err: unknown) =>
            setError(
              err instanceof Error
                ? t('files.downloadFailedBecause', { name: a.fileName, reason: err.message })
                : t('files.downloadFailed', { name: a.fileName }),
            ),
          );
        }}
      >
        <FileIcon />
        <span className="sc-file__name">{a.fileName}</span>
        <span className="sc-file__size">{humanSize(a.size)}</span>
      </a>
      {error && (
        <span className="sc-file__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

function Thumbnail({ api, attachment: a }: { api: ApiClient; attachment: Attachment }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  // Fetched when it comes near the screen: a long history does not download every image.
  useEffect(() => {
    const el = button.current;
    let live = true;
    const load = () =>
      attachmentBlobUrl(api, a.url)
        .then((url) => live && setSrc(url))
        .catch(() => live && setFailed(true));
    if (!el || typeof IntersectionObserver === 'undefined') {
      void load();
      return () => {
        live = false;
      };
    }
    const seen = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          seen.disconnect();
          void load();
        }
      },
      { rootMargin: '200px' },
    );
    seen.observe(el);
    return () => {
      live = false;
      seen.disconnect();
    };
  }, [api, a.url]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="sc-thumb"
        aria-label={t('files.openFullSize', { name: a.fileName })}
        disabled={!src}
        onClick={() => setOpen(true)}
      >
        {src ? (
          <img src={src} alt="" width={THUMB_WIDTH} height={THUMB_HEIGHT} loading="lazy" />
        ) : (
          <span className="sc-thumb__wait" style={{ width: THUMB_WIDTH, height: THUMB_HEIGHT }}>
            {failed
              ? t('files.loadFailed', { name: a.fileName })
              : t('files.loading', { name: a.fileName })}
          </span>
        )}
      </button>
      {open && src && (
        <Suspense fallback={null}>
          <ImageViewer
            src={src}
            name={a.fileName}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}

function FileIcon() {
  return (
    <svg className="sc-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M4 1.75h5.5L12.5 4.75v9.5h-8.5z M9.25 1.75v3.25h3.25"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
    </svg>
  );
}
