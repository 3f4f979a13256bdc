// A file's name is the uploader's to choose, so it is cleaned before it is kept: it is shown to
// agents and visitors, sent in headers and put in download URLs. Files are stored under their id,
// never under this name, so no name can reach the file system.
import { shortenFileName } from '@switchboard/protocol';

/** C0 and C1 control characters (line breaks would split a header). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional controls, which make `gnp.exe` (reversed) read as `exe.png`. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
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
  return /^\.*$/.test(name) ? 'file' : shortenFileName(name);
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
