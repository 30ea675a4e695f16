/** The team inbox: saved replies and labels (staff only). */
import type { Label } from '../types';
import type { ApiClient } from './client';

export interface SavedReply {
  _id: string;
  shortcut: string;
  body: string;
  /** Variables in the body that nothing fills in (they stay as typed). */
  unknownVariables: string[];
  createdAt: string;
  updatedAt: string;
}

export const listSavedReplies = (api: ApiClient) =>
  api.request<SavedReply[]>('GET', '/saved-replies');

export const createSavedReply = (api: ApiClient, reply: { shortcut: string; body: string }) =>
  api.request<SavedReply>('POST', '/saved-replies', { body: reply });

export const updateSavedReply = (
  api: ApiClient,
  id: string,
  change: { shortcut?: string; body?: string },
) => api.request<SavedReply>('PATCH', `/saved-replies/${encodeURIComponent(id)}`, { body: change });

export const deleteSavedReply = (api: ApiClient, id: string) =>
  api.request<unknown>('DELETE', `/saved-replies/${encodeURIComponent(id)}`);

export const listLabels = (api: ApiClient) => api.request<Label[]>('GET', '/labels');

export const createLabel = (api: ApiClient, label: { name: string; colour: string }) =>
  api.request<Label>('POST', '/labels', { body: label });

export const updateLabel = (
  api: ApiClient,
  id: string,
  change: { name?: string; colour?: string },
) => api.request<Label>('PATCH', `/labels/${encodeURIComponent(id)}`, { body: change });

export const deleteLabel = (api: ApiClient, id: string) =>
  api.request<unknown>('DELETE', `/labels/${encodeURIComponent(id)}`);

export const chatLabels = (api: ApiClient, chatId: string) =>
  api.request<Label[]>('GET', `/chats/${encodeURIComponent(chatId)}/labels`);

export const addChatLabel = (api: ApiClient, chatId: string, labelId: string) =>
  api.request<Label[]>(
    'PUT',
    `/chats/${encodeURIComponent(chatId)}/labels/${encodeURIComponent(labelId)}`,
  );

export const removeChatLabel = (api: ApiClient, chatId: string, labelId: string) =>
  api.request<Label[]>(
    'DELETE',
    `/chats/${encodeURIComponent(chatId)}/labels/${encodeURIComponent(labelId)}`,
  );
