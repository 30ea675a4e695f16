import type { ReactNode } from 'react';

/**
 * The main region of a dashboard page below the top bar (statistics, team, hours, webhooks,
 * replies). It scrolls on its own, so it is in the tab order: an agent sees the team's settings
 * with their forms disabled, and a page with nothing focusable in it could not otherwise be
 * scrolled from the keyboard.
 */
export function PageRegion({
  className = '',
  labelledBy,
  children,
}: {
  className?: string;
  labelledBy: string;
  children: ReactNode;
}) {
  return (
    <main className={`scd-stats ${className}`.trim()} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </main>
  );
}
