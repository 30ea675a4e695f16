/** Email endpoints a person uses: whether the server sends email, and a transcript on request. */
import type { ApiClient } from './client';

export function emailStatus(api: ApiClient): Promise<{ enabled: boolean }> {
  return api.request('GET', '/email/status', { auth: false });
}

/** Queues the transcript of a resolved chat; `queued` is false when it was already asked for. */
export function requestTranscript(api: ApiClient, chatId: string): Promise<{ queued: boolean }> {
  return api.request('POST', '/email/transcript', { body: { chatId } });
}
