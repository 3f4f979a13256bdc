// A file's name is the uploader's to choose, so it is cleaned before it is kept: it is shown to
// agents and visitors, sent in headers and put in download URLs. Files are stored under their id,
// never under this name, so no name can reach the file system.
import { MAX_ATTACHMENT_NAME } from '@switchboard/protocol';

/** C0 and C1 control characters (line breaks would split a header). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional controls, which make `gnp.exe` (reversed) read as `exe.png`. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The longest extension kept whole when a long name is shortened. */
const MAX_EXTENSION = 16;

/** Shortens to `max` UTF-16 code units without splitting a character, keeping a short extension. */
function shorten(name: string, max: number): string {
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

/**
 * The name an upload is kept and shown under: Unicode-normalised, without control or
 * bidirectional characters, path separators turned into `_`, spaces collapsed, at most
 * `MAX_ATTACHMENT_NAME` long. Markup is left as it is: clients render names as text.
 */
export function sanitizeFileName(raw: string): string {
  const name = raw
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .replace(BIDI, '')
    .replace(/[/\\]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  // Nothing left, or only dots, which a URL path would read as `.` or `..`.
  return /^\.*$/.test(name) ? 'file' : shorten(name, MAX_ATTACHMENT_NAME);
}

/** RFC 5987 `attr-char`s stay, everything else is percent-encoded from UTF-8. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition` for a download (RFC 6266): `filename*` carries the real name in UTF-8;
 * `filename`, for clients that predate it, an ASCII stand-in with `"`, `\` and `%` replaced.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
