/**
 * The files attached to the message being written: checked before upload (a sentence when
 * refused), uploaded at once with progress, removable until sent.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadAttachment } from '../api/attachments';
import type { ApiClient } from '../api/client';
import { t } from '../i18n/i18n';
import { contentTypeOf, refuseFile, type MessageRules } from '../logic/attachments';
import type { Attachment } from '../types';

export interface DraftFile {
  key: string;
  name: string;
  size: number;
  contentType: string;
  /** 0..1 while uploading. */
  progress: number;
  state: 'uploading' | 'ready' | 'failed';
  attachment?: Attachment;
  error?: string;
}

export interface AttachmentDraft {
  files: DraftFile[];
  /** Why the last file was refused before upload (or why its upload failed), else null. */
  refusal: string | null;
  add: (files: File[]) => void;
  remove: (key: string) => void;
  /** After sending: the tray empties (uploads in flight are cancelled). */
  clear: () => void;
  ready: Attachment[];
  uploading: boolean;
  rules: MessageRules;
}

let nextKey = 0;

export function useAttachmentDraft(
  api: ApiClient,
  chatId: string,
  rules: MessageRules,
): AttachmentDraft {
  const [files, setFiles] = useState<DraftFile[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const aborts = useRef(new Map<string, () => void>());
  const attachedNow = files.filter((f) => f.state !== 'failed').length;

  const patch = (key: string, change: Partial<DraftFile>) =>
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const add = useCallback(
    (picked: File[]) => {
      let attached = attachedNow;
      const accepted: DraftFile[] = [];
      let why: string | null = null;
      for (const file of picked) {
        const refused = refuseFile(file, rules, attached);
        if (refused) {
          why = refused;
          continue;
        }
        attached += 1;
        const key = `f${(nextKey += 1)}`;
        accepted.push({
          key,
          name: file.name,
          size: file.size,
          contentType: contentTypeOf(file),
          progress: 0,
          state: 'uploading',
        });
        const upload = uploadAttachment(api, chatId, file, (progress) => patch(key, { progress }));
        aborts.current.set(key, upload.abort);
        upload.done
          .then((attachment) => patch(key, { state: 'ready', progress: 1, attachment }))
          .catch((e: unknown) => {
            const message = e instanceof Error ? e.message : t('files.uploadFailed');
            patch(key, { state: 'failed', error: message });
            setRefusal(t('files.notUploadedBecause', { name: file.name, reason: message }));
          })
          .finally(() => aborts.current.delete(key));
      }
      setRefusal(why);
      if (accepted.length > 0) setFiles((all) => [...all, ...accepted]);
    },
    [api, chatId, rules, attachedNow],
  );

  const remove = useCallback((key: string) => {
    aborts.current.get(key)?.();
    setFiles((all) => all.filter((f) => f.key !== key));
    setRefusal(null);
  }, []);

  const clear = useCallback(() => {
    for (const abort of aborts.current.values()) abort();
    setFiles([]);
    setRefusal(null);
  }, []);

  // Another chat, another draft: files uploaded to one chat cannot be sent to another.
  useEffect(() => clear, [chatId, clear]);

  return {
    files,
    refusal,
    add,
    remove,
    clear,
    ready: files.flatMap((f) => (f.state === 'ready' && f.attachment ? [f.attachment] : [])),
    uploading: files.some((f) => f.state === 'uploading'),
    rules,
  };
}
