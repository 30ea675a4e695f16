/**
 * REST client for /api/v1: unwraps the {statusCode, data, message, success} envelope, sends the
 * bearer token, and on a 401 rotates the refresh token once and retries the request once.
 */
import type { ErrorCode, TokenPair } from '../types';
import type { Session } from './session';
import { currentLocale, t } from '../i18n/i18n';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  /** From a 429's Retry-After header, when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: ErrorCode | 'network',
    message: string,
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface Envelope<T> {
  statusCode?: number;
  data?: T;
  message?: string;
  success?: boolean;
  errors?: { code?: string; message?: string }[];
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

export type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** Send the bearer token and refresh on 401 (default true). */
  auth?: boolean;
  /**
   * Refresh and retry once on a 401 (default true). Off where a 401 is the answer itself, not a
   * stale token: e.g. an identity token refused (and a retry would replay it).
   */
  retryOn401?: boolean;
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  /** Rotates the tokens; resolves false when the login is gone (session cleared). */
  refresh(): Promise<boolean>;
  readonly session: Session;
  /** Origin of the server, '' for the page's own (uploads and downloads build their own requests). */
  readonly baseUrl: string;
}

export interface ApiClientOptions {
  /** Origin of the server, '' for the page's own origin. */
  baseUrl: string;
  session: Session;
  fetchImpl?: typeof fetch;
}

export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${baseUrl}/api/v1${path}${qs ? `?${qs}` : ''}`;
}

export async function readEnvelope<T>(response: Response): Promise<Envelope<T>> {
  const text = await response.text();
  if (!text) return {};
  try {
    return JSON.parse(text) as Envelope<T>;
  } catch {
    return { message: text.slice(0, 200) };
  }
}

/** Retry-After in seconds (the HTTP-date form is not used by this server). */
export function parseRetryAfter(header: string | null): number | null {
  if (!header || !/^\s*\d+\s*$/.test(header)) return null;
  return Number(header);
}

export function toError(
  status: number,
  envelope: Envelope<unknown>,
  retryAfter: string | null,
): ApiError {
  const first = envelope.errors?.[0];
  const code = (first?.code as ErrorCode | undefined) ?? CODE_BY_STATUS[status] ?? 'internal';
  const said =
    envelope.message || first?.message || t('common.requestFailed', { status: String(status) });
  return new ApiError(status, code, inPagesLanguage(code, said), parseRetryAfter(retryAfter));
}

/**
 * The server words its refusals in English. In another language the person reads a sentence of
 * their own for the kind of refusal; where the server's sentence carries the specifics (what was
 * not accepted, what limit), it follows as the detail.
 */
function inPagesLanguage(code: ErrorCode, said: string): string {
  if (currentLocale() === 'en') return said;
  switch (code) {
    case 'unauthorized':
      return t('error.unauthorized');
    case 'forbidden':
      return t('error.forbidden');
    case 'not_found':
      return t('error.not_found');
    case 'invalid':
      return t('error.invalid', { detail: said });
    case 'conflict':
      return t('error.conflict', { detail: said });
    case 'too_large':
      return t('error.too_large', { detail: said });
    case 'timeout':
      return t('error.timeout');
    case 'rate_limited':
      return t('error.rate_limited');
    case 'unavailable':
      return t('error.unavailable');
    default:
      return t('error.internal');
  }
}

export function createApiClient({ baseUrl, session, fetchImpl }: ApiClientOptions): ApiClient {
  const doFetch =
    fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  // One refresh at a time: two parallel refreshes with the same token would revoke the login.
  let refreshing: Promise<boolean> | null = null;

  async function send<T>(
    method: string,
    path: string,
    options: RequestOptions,
    token: string | null,
  ) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(buildUrl(baseUrl, path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        // Tokens travel only in the header: the widget runs in third-party iframes where
        // cookies are unreliable, and a cookie of another account must not win over the bearer.
        credentials: 'omit',
      });
    } catch {
      throw new ApiError(
        0,
        'network',
        // The browser's own words ("Failed to fetch") are neither helpful nor in the page's language.
        t('common.networkError'),
      );
    }
    const envelope = await readEnvelope<T>(response);
    if (!response.ok || envelope.success === false)
      throw toError(response.status, envelope, response.headers?.get('Retry-After') ?? null);
    return envelope.data as T;
  }

  async function doRefresh(): Promise<boolean> {
    session.reload();
    const current = session.get();
    if (!current) return false;
    try {
      const pair = await send<TokenPair>(
        'POST',
        '/users/refresh-token',
        {
          body: { refreshToken: current.refreshToken },
        },
        null,
      );
      session.setTokens(pair);
      return true;
    } catch (error) {
      // A network failure says nothing about the login: keep it and let the caller retry later.
      if (error instanceof ApiError && error.code === 'network') throw error;
      session.reload();
      // Another tab may have rotated the pair meanwhile; its tokens are still good.
      if (session.get()?.refreshToken !== current.refreshToken) return session.get() !== null;
      session.clear();
      return false;
    }
  }

  function refresh(): Promise<boolean> {
    refreshing ??= doRefresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function request<T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const auth = options.auth ?? true;
    const token = auth ? (session.get()?.accessToken ?? null) : null;
    try {
      return await send<T>(method, path, options, token);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || !auth || !token) throw error;
      if (options.retryOn401 === false) throw error;
      // The token may have been refreshed by a parallel request while this one was in flight.
      const latest = session.get()?.accessToken;
      if (latest && latest !== token) return send<T>(method, path, options, latest);
      if (!(await refresh())) throw error;
      return send<T>(method, path, options, session.get()?.accessToken ?? null);
    }
  }

  return { request, refresh, session, baseUrl };
}
