/**
 * When the widget tells a person that an agent replied (a tone, the count in the host page's
 * title): only for new replies, only while they are not looking (panel closed or tab hidden), and
 * only if they left alerts on. Pure, for the tests.
 */

export interface Looking {
  open: boolean;
  visible: boolean;
}

/** Whether a change of the unread count from `before` to `after` deserves a tone. */
export function shouldSound(alertsOn: boolean, looking: Looking, before: number, after: number) {
  return alertsOn && after > before && !(looking.open && looking.visible);
}

/** The count the host page's title should show (0: leave the title alone). */
export function titleCount(alertsOn: boolean, looking: Looking, unread: number): number {
  return alertsOn && unread > 0 && !(looking.open && looking.visible) ? unread : 0;
}

/**
 * The host page's title: `(n) base` while there is a count, the page's own title otherwise. `base`
 * is the page's title without our prefix (the loader keeps it, and takes a title the page set
 * itself meanwhile as the new base).
 */
export function hostTitle(base: string, count: number): string {
  if (count <= 0) return base;
  return `(${count > 99 ? '99+' : count}) ${base}`;
}
