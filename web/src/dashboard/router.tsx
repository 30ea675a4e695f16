/** A few routes under /admin/support, on the History API (the server maps /admin/* here). */
import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';

export const BASE = '/admin/support';

export type Route =
  /** messageId: open the conversation at that message (a search result). */
  | { name: 'chats'; chatId: string | null; messageId?: string }
  | { name: 'stats' }
  | { name: 'team' }
  | { name: 'hours' }
  | { name: 'replies' }
  | { name: 'webhooks' };

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  if (rest === '/stats' || rest === '/stats/') return { name: 'stats' };
  if (rest === '/webhooks' || rest === '/webhooks/') return { name: 'webhooks' };
  if (rest === '/team' || rest === '/team/') return { name: 'team' };
  if (rest === '/hours' || rest === '/hours/') return { name: 'hours' };
  if (rest === '/replies' || rest === '/replies/') return { name: 'replies' };
  const at = /^\/chat\/([^/]+)\/message\/([^/]+)\/?$/.exec(rest);
  if (at?.[1] && at[2]) {
    return {
      name: 'chats',
      chatId: decodeURIComponent(at[1]),
      messageId: decodeURIComponent(at[2]),
    };
  }
  const chat = /^\/chat\/([^/]+)\/?$/.exec(rest);
  return { name: 'chats', chatId: chat?.[1] ? decodeURIComponent(chat[1]) : null };
}

export function routePath(route: Route): string {
  if (route.name === 'stats') return `${BASE}/stats`;
  if (route.name === 'webhooks') return `${BASE}/webhooks`;
  if (route.name === 'team') return `${BASE}/team`;
  if (route.name === 'hours') return `${BASE}/hours`;
  if (route.name === 'replies') return `${BASE}/replies`;
  if (!route.chatId) return BASE;
  const chat = `${BASE}/chat/${encodeURIComponent(route.chatId)}`;
  return route.messageId ? `${chat}/message/${encodeURIComponent(route.messageId)}` : chat;
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(route: Route, replace = false): void {
  const path = routePath(route);
  if (path === window.location.pathname) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

interface LinkProps {
  to: Route;
  children: ReactNode;
  className?: string;
  current?: boolean;
}

/** A real link (so it works with middle-click and keyboard), routed in-page on plain clicks. */
export function Link({ to, children, className, current }: LinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={routePath(to)}
      className={className}
      onClick={onClick}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </a>
  );
}
