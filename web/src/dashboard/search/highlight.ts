/** A search snippet as plain and marked parts, so it renders as text (never as HTML). */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * Splits text at the [start, end) ranges the server marked. Ranges out of order, overlapping or
 * out of bounds are ignored rather than trusted.
 */
export function snippetParts(text: string, highlights: [number, number][]): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
