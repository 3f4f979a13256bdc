import type { AttachmentKind } from '@switchboard/protocol';

/** A type of file the server accepts, as it is served. */
export interface FileType {
  /** What the download is served as. */
  contentType: string;
  kind: AttachmentKind;
  /** Other names browsers and operating systems give the same type; declaring one of them agrees. */
  aliases: readonly string[];
}

const type = (contentType: string, kind: AttachmentKind, aliases: readonly string[] = []): FileType => ({
  contentType,
  kind,
  aliases,
});

/**
 * Every type an upload may have. Nothing a browser would run is here: SVG (which carries script),
 * HTML, XML and JavaScript are refused whatever they are declared as.
 */
export const FILE_TYPES = {
  png: type('image/png', 'image'),
  jpeg: type('image/jpeg', 'image', ['image/jpg', 'image/pjpeg']),
  gif: type('image/gif', 'image'),
  webp: type('image/webp', 'image'),
  pdf: type('application/pdf', 'file', ['application/x-pdf']),
  mp3: type('audio/mpeg', 'audio', ['audio/mp3', 'audio/mpeg3', 'audio/x-mpeg-3']),
  oggAudio: type('audio/ogg', 'audio', ['application/ogg', 'audio/opus', 'audio/vorbis']),
  oggVideo: type('video/ogg', 'video'),
  wav: type('audio/wav', 'audio', ['audio/x-wav', 'audio/wave', 'audio/vnd.wave']),
  m4a: type('audio/mp4', 'audio', ['audio/x-m4a', 'audio/m4a']),
  mp4: type('video/mp4', 'video', ['video/x-m4v']),
  mov: type('video/quicktime', 'video'),
  webmVideo: type('video/webm', 'video'),
  webmAudio: type('audio/webm', 'audio'),
  text: type('text/plain', 'file'),
  csv: type('text/csv', 'file', ['application/csv', 'text/comma-separated-values']),
  zip: type('application/zip', 'file', ['application/x-zip-compressed']),
  docx: type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'file'),
  xlsx: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'file'),
  pptx: type('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'file'),
} as const satisfies Record<string, FileType>;

/** Every content type a client may declare, aliases included: the `contentTypes` of `UploadLimits`. */
export function acceptedContentTypes(): string[] {
  return Object.values(FILE_TYPES).flatMap((t) => [t.contentType, ...t.aliases]);
}

/** Types refused by name, so that the error can say why rather than "not of an allowed type". */
export const REFUSED_TYPES: ReadonlySet<string> = new Set([
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'text/xml',
  'application/xml',
  'text/javascript',
  'application/javascript',
]);

/** `image/PNG; charset=x` → `image/png`; missing → empty. */
export function normalizeContentType(value: string | undefined | null): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** No claim at all: browsers send these for a file whose type they do not know. */
export function isUndeclared(contentType: string): boolean {
  return contentType === '' || contentType === 'application/octet-stream';
}

/**
 * The type a file is stored as: the candidate (what its bytes may be) that the declared type
 * names, or the first candidate when nothing was declared. Null when they disagree.
 */
export function agreeOnType(declared: string, candidates: readonly FileType[]): FileType | null {
  if (isUndeclared(declared)) return candidates[0] ?? null;
  return candidates.find((t) => t.contentType === declared || t.aliases.includes(declared)) ?? null;
}
