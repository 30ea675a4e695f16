/** The support team: /team (members, queue, settings, invites, availability) and /users/me. */
import type { LoginResult } from '../types';
import type { ApiClient } from './client';
import { formatNumber, t } from '../i18n/i18n';

export type Role = 'admin' | 'agent';
export type Availability = 'online' | 'away' | 'offline';

export interface Agent {
  _id: string;
  fullName: string;
  email: string;
  role: Role;
  active: boolean;
  availability: Availability;
  chosenAvailability: 'online' | 'away';
  capacity: number;
  ownCapacity: number | null;
  load: number;
  lastAssignedAt: string | null;
  lastSeenAt: string | null;
  createdAt: string;
}

export interface TeamSettings {
  autoAssign: boolean;
  defaultCapacity: number;
}

export interface TeamOverview {
  agents: Agent[];
  queue: { length: number; oldestWaitMs: number | null };
  settings: TeamSettings;
  me: Agent;
}

export interface Invite {
  _id: string;
  email: string;
  role: Role;
  state: 'pending' | 'accepted' | 'revoked' | 'expired';
  createdAt: string;
  expiresAt: string;
}

export interface NewInvite extends Invite {
  token: string;
  path: string;
}

export const fetchTeam = (api: ApiClient) => api.request<TeamOverview>('GET', '/team');

export const saveSettings = (api: ApiClient, settings: Partial<TeamSettings>) =>
  api.request<TeamSettings>('PATCH', '/team/settings', { body: settings });

export const listInvites = (api: ApiClient) => api.request<Invite[]>('GET', '/team/invites');

export const createInvite = (api: ApiClient, email: string, role: Role) =>
  api.request<NewInvite>('POST', '/team/invites', { body: { email, role } });

export const withdrawInvite = (api: ApiClient, id: string) =>
  api.request<unknown>('DELETE', `/team/invites/${encodeURIComponent(id)}`);

export const updateAgent = (
  api: ApiClient,
  id: string,
  change: { role?: Role; capacity?: number | null },
) => api.request<Agent>('PATCH', `/team/agents/${encodeURIComponent(id)}`, { body: change });

export const setActive = (api: ApiClient, id: string, active: boolean) =>
  api.request<Agent>(
    'POST',
    `/team/agents/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`,
  );

export const setAvailability = (api: ApiClient, status: 'online' | 'away') =>
  api.request<Agent>('PUT', '/team/me/availability', { body: { status } });

export const previewInvite = (api: ApiClient, token: string) =>
  api.request<{ email: string; role: Role }>('POST', '/team/invites/preview', {
    body: { token },
    auth: false,
  });

/** Creates the invitee's account and signs them in. */
export async function acceptInvite(
  api: ApiClient,
  token: string,
  fullName: string,
  password: string,
): Promise<LoginResult> {
  const result = await api.request<LoginResult>('POST', '/team/invites/accept', {
    body: { token, fullName, password },
    auth: false,
  });
  api.session.start(result);
  return result;
}

/** The invite token in a dashboard link (`#invite=…`), if any. */
export function inviteTokenOf(hash: string): string | null {
  const match = /^#invite=([A-Za-z0-9_-]{20,100})$/.exec(hash);
  return match?.[1] ?? null;
}

/** "3 min", "1 h 5 min": how long the oldest chat has waited. */
export function waitLabel(ms: number | null): string {
  if (ms === null) return t('team.nobodyWaiting');
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('team.underMinute');
  const unit = (value: number, name: 'hour' | 'minute') =>
    formatNumber(value, { style: 'unit', unit: name, unitDisplay: 'short' });
  if (minutes < 60) return unit(minutes, 'minute');
  return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute')}`;
}
