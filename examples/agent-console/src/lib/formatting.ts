/** A run of message text with at most one style; rendered with createElement, never as HTML. */
export interface TextSegment {
  style: 'plain' | 'bold' | 'italic' | 'strike' | 'mono';
  text: string;
}

const STYLES = { '*': 'bold', _: 'italic', '~': 'strike', '`': 'mono' } as const;

// WhatsApp-style markers: a marker opens at the start or after a space or opening punctuation,
// hugs non-space text on one line, and closes before a space, punctuation or the end. So
// `snake_case_names` and `2 * 3 * 4` stay plain.
const MARKED = /(^|[\s([{"'])([*_~`])(?=\S)([^\n]*?\S)\2(?=$|[\s.,!?;:)\]}"'])/g;

/** Splits message text into styled segments (`*bold*`, `_italic_`, `~strike~`, `` `mono` ``). */
export function parseFormatting(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let plainFrom = 0;
  for (const match of text.matchAll(MARKED)) {
    const [, lead = '', marker, inner = ''] = match;
    const start = match.index + lead.length;
    pushPlain(segments, text.slice(plainFrom, start));
    segments.push({ style: STYLES[marker as keyof typeof STYLES], text: inner });
    plainFrom = start + inner.length + 2;
  }
  pushPlain(segments, text.slice(plainFrom));
  return segments;
}

function pushPlain(segments: TextSegment[], text: string): void {
  if (text !== '') segments.push({ style: 'plain', text });
}
