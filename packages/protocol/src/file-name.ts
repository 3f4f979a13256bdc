import { MAX_ATTACHMENT_NAME } from './constants.js';

/** The longest extension kept whole when a long name is shortened. */
const MAX_EXTENSION = 16;

/**
 * Shortens a file name to `max` UTF-16 code units without splitting a character, keeping a short
 * extension (`aaaa….pdf`). The server keeps names this long; clients shorten before uploading so
 * that the name fits in the upload's URL.
 */
export function shortenFileName(name: string, max = MAX_ATTACHMENT_NAME): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= MAX_EXTENSION ? name.slice(dot) : '';
  let base = '';
  for (const char of name.slice(0, name.length - extension.length)) {
    if (base.length + char.length + extension.length > max) break;
    base += char;
  }
  return base + extension;
}
