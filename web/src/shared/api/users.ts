/** Account endpoints: /users/register, /login, /logout, /me, /admins. */
import type { AdminInfo, LoginResult, User } from '../types';
import type { ApiClient } from './client';

export interface Credentials {
  email: string;
  password: string;
}

export interface Registration extends Credentials {
  fullName?: string;
}

export async function login(api: ApiClient, credentials: Credentials): Promise<LoginResult> {
  const result = await api.request<LoginResult>('POST', '/users/login', {
    body: credentials,
    auth: false,
  });
  api.session.start(result);
  return result;
}

/** Registers, then signs in with the same credentials (register returns only the user). */
export async function register(api: ApiClient, registration: Registration): Promise<LoginResult> {
  await api.request<User>('POST', '/users/register', { body: registration, auth: false });
  return login(api, { email: registration.email, password: registration.password });
}

export async function logout(api: ApiClient): Promise<void> {
  const current = api.session.get();
  try {
    if (current) {
      await api.request('POST', '/users/logout', { body: { refreshToken: current.refreshToken } });
    }
  } catch {
    // Signing out locally must work even when the server cannot be reached.
  } finally {
    api.session.clear();
  }
}

export async function fetchMe(api: ApiClient): Promise<User> {
  const user = await api.request<User>('GET', '/users/me');
  api.session.setUser(user);
  return user;
}

export function listAdmins(api: ApiClient): Promise<AdminInfo[]> {
  return api.request<AdminInfo[]>('GET', '/users/admins');
}
