/**
 * Files of a chat: uploads with progress (XMLHttpRequest: fetch cannot report upload progress
 * in every browser yet), downloads as blobs with the bearer token, and message edits.
 *
 * Attachments are served only to the chat's people and only with their token (the widget runs
 * in a third-party iframe where cookies are unreliable), so an <img src> cannot point at them:
 * the bytes are fetched with the Authorization header and shown from a blob: URL, which only
 * this page can read.
 */
import { t } from '../i18n/i18n';
import { contentTypeOf } from '../logic/attachments';
import type { Attachment, Message } from '../types';
import { ApiError, readEnvelope, toError, type ApiClient } from './client';

export interface Upload {
  done: Promise<Attachment>;
  abort: () => void;
}

/** Uploads one file; `onProgress` gets 0..1 as the bytes leave. Retries once after a refresh. */
export function uploadAttachment(
  api: ApiClient,
  chatId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Upload {
  let current: XMLHttpRequest | null = null;
  let aborted = false;
  const once = (token: string | null) =>
    new Promise<{ status: number; text: string; retryAfter: string | null }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open('POST', `${api.baseUrl}/api/v1/chats/${encodeURIComponent(chatId)}/attachments`);
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total));
      };
      xhr.onload = () =>
        resolve({
          status: xhr.status,
          text: xhr.responseText,
          retryAfter: xhr.getResponseHeader('Retry-After'),
        });
      xhr.onerror = () => reject(new ApiError(0, 'network', t('files.uploadInterrupted')));
      xhr.onabort = () => reject(new ApiError(0, 'network', t('files.uploadCancelled')));
      const form = new FormData();
      // A file the system gave no type is sent with the type its name implies (the server
      // refuses application/octet-stream).
      const type = contentTypeOf(file);
      form.append(
        'file',
        type && type !== file.type ? new File([file], file.name, { type }) : file,
        file.name,
      );
      xhr.send(form);
    });

  const run = async (): Promise<Attachment> => {
    const token = api.session.get()?.accessToken ?? null;
    let answer = await once(token);
    if (answer.status === 401 && token && !aborted && (await api.refresh())) {
      onProgress(0);
      answer = await once(api.session.get()?.accessToken ?? null);
    }
    const envelope = await readEnvelope<Attachment>(new Response(answer.text));
    if (answer.status < 200 || answer.status >= 300 || envelope.success === false) {
      throw toError(answer.status, envelope, answer.retryAfter);
    }
    return envelope.data as Attachment;
  };
  return {
    done: run(),
    abort: () => {
      aborted = true;
      current?.abort();
    },
  };
}

/** Blob URLs of fetched attachments, per signed-in user, so a thumbnail is fetched once. */
const blobs = new Map<string, Promise<string>>();
const MAX_CACHED = 200;

/** A blob: URL of the attachment's bytes, fetched with the viewer's token. */
export function attachmentBlobUrl(api: ApiClient, url: string): Promise<string> {
  const key = `${api.session.get()?.user?._id ?? ''}|${url}`;
  let found = blobs.get(key);
  if (!found) {
    found = fetchBlob(api, url).then((blob) => URL.createObjectURL(blob));
    found.catch(() => blobs.delete(key));
    if (blobs.size >= MAX_CACHED) {
      const [oldestKey, oldest] = blobs.entries().next().value as [string, Promise<string>];
      blobs.delete(oldestKey);
      void oldest.then((u) => URL.revokeObjectURL(u)).catch(() => undefined);
    }
    blobs.set(key, found);
  }
  return found;
}

/**
 * Only the server's own attachment paths are fetched or linked: a message can never make us send
 * the token elsewhere, nor render a javascript: link.
 */
export function isAttachmentPath(url: string): boolean {
  return /^\/api\/v1\/chats\/[\w-]+\/attachments\/[\w-]+$/.test(url);
}

async function fetchBlob(api: ApiClient, url: string): Promise<Blob> {
  if (!isAttachmentPath(url)) {
    throw new ApiError(0, 'invalid', t('files.notAttachment'));
  }
  const get = (token: string | null) =>
    fetch(`${api.baseUrl}${url}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      credentials: 'omit',
    });
  const token = api.session.get()?.accessToken ?? null;
  let response = await get(token);
  if (response.status === 401 && token && (await api.refresh())) {
    response = await get(api.session.get()?.accessToken ?? null);
  }
  if (!response.ok) {
    throw toError(response.status, await readEnvelope(response), null);
  }
  return response.blob();
}

/** Saves an attachment under its name (fetched with the token, then handed to the browser). */
export async function downloadAttachment(api: ApiClient, a: Attachment): Promise<void> {
  const href = await attachmentBlobUrl(api, a.url);
  const link = document.createElement('a');
  link.href = href;
  link.download = a.fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export function editMessage(
  api: ApiClient,
  chatId: string,
  messageId: string,
  content: string,
): Promise<Message> {
  return api.request<Message>(
    'PATCH',
    `/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(messageId)}`,
    { body: { content } },
  );
}
