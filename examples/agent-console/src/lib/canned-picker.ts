// The rules of the canned-reply picker, apart from the DOM: when `/` opens it, what a key does in
// it, and how the chosen reply goes into the composer's text.

/** Where the picker takes its query from: the `/word` typed in the composer, or its own field (Ctrl+/). */
export type PickerMode = 'slash' | 'palette';

/**
 * `/` at the very start of the composer, with the caret still in the word typed after it: the
 * picker opens, filtered by that word (`query`), which spans `[0, end)` and is replaced on insert.
 * A space, or moving the caret past the word, ends it.
 */
export function slashTrigger(value: string, caret: number): { query: string; end: number } | null {
  const match = /^\/(\S*)/u.exec(value);
  if (match === null) return null;
  const end = match[0].length;
  if (caret < 1 || caret > end) return null;
  return { query: match[1] ?? '', end };
}

/** What a key does while the picker is open; null: the key is not the picker's (type on). */
export type PickerKeyAction =
  | { type: 'move'; active: number }
  | { type: 'pick'; index: number }
  | { type: 'close' }
  /** Swallowed: e.g. Enter with nothing to pick must not send the `/word` as a message. */
  | { type: 'ignore' };

export function pickerKey(
  key: { key: string; shiftKey?: boolean; isComposing?: boolean },
  active: number,
  count: number,
): PickerKeyAction | null {
  if (key.isComposing) return null;
  switch (key.key) {
    case 'ArrowDown':
      return count === 0 ? { type: 'ignore' } : { type: 'move', active: (active + 1) % count };
    case 'ArrowUp':
      return count === 0 ? { type: 'ignore' } : { type: 'move', active: (active - 1 + count) % count };
    case 'Enter':
    case 'Tab':
      if (key.key === 'Tab' && key.shiftKey) return null;
      return count === 0
        ? { type: 'ignore' }
        : { type: 'pick', index: Math.max(0, Math.min(active, count - 1)) };
    case 'Escape':
      return { type: 'close' };
    default:
      return null;
  }
}

/** `value` with `[start, end)` replaced by `text`, and where the caret goes: right after it. */
export function replaceRange(
  value: string,
  start: number,
  end: number,
  text: string,
): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}

/** One line of a reply for the list: line breaks flattened, cut at `max` characters with "…". */
export function previewLine(text: string, max = 120): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
