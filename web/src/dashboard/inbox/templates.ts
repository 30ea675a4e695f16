/**
 * Saved replies in the composer, as pure functions: when the text asks for the picker, which
 * replies match what was typed, and the body with its variables filled in. The variable pattern is
 * the server's (team/InboxRules.java), so both name the same unknown variables.
 */
import type { SavedReply } from '../../shared/api/inbox';

const VARIABLE = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

/** The values a saved reply can use; null when this chat has none (a visitor without email). */
export interface TemplateValues {
  'user.name': string | null;
  'user.email': string | null;
  'agent.name': string | null;
}

export interface Filled {
  text: string;
  /** Variables left as typed: unknown ones, or known ones this chat has no value for. */
  unfilled: string[];
}

/**
 * Fills the known variables that have a value; every other `{{…}}` stays exactly as written, so
 * the agent sees it before sending, never a silent gap.
 */
export function fillTemplate(body: string, values: TemplateValues): Filled {
  const unfilled: string[] = [];
  const text = body.replace(VARIABLE, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name)
      ? values[name as keyof TemplateValues]
      : null;
    if (value === null || value.trim() === '') {
      if (!unfilled.includes(name)) unfilled.push(name);
      return whole;
    }
    return value;
  });
  return { text, unfilled };
}

/** The picker's filter when the text is `/` plus a partial shortcut; null when it is not open. */
export function slashQuery(text: string): string | null {
  const match = /^\/([A-Za-z0-9_-]{0,32})$/.exec(text);
  return match ? (match[1] ?? '').toLowerCase() : null;
}

export const PICKER_SIZE = 8;

/** Shortcuts that start with the query first, then those containing it, then bodies containing it. */
export function matchReplies(replies: readonly SavedReply[], query: string): SavedReply[] {
  const q = query.toLowerCase();
  const rank = (r: SavedReply): number => {
    if (r.shortcut.startsWith(q)) return 0;
    if (r.shortcut.includes(q)) return 1;
    if (q && r.body.toLowerCase().includes(q)) return 2;
    return 3;
  };
  return replies
    .map((r) => ({ r, rank: rank(r) }))
    .filter((x) => x.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.r.shortcut.localeCompare(b.r.shortcut))
    .slice(0, PICKER_SIZE)
    .map((x) => x.r);
}

/** One step through the picker's options with the arrow keys, wrapping around. */
export function moveActive(active: number, count: number, step: 1 | -1): number {
  if (count === 0) return 0;
  return (active + step + count) % count;
}
