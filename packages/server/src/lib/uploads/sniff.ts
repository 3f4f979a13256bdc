// Which accepted types a file's first bytes say it may be. Binary formats are told apart by their
// magic numbers; plain text has none and is recognised by text-check.ts instead.
import { FILE_TYPES, type FileType } from './file-types.js';

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((byte, index) => bytes[offset + index] === byte);
}

function tag(bytes: Uint8Array, offset: number, length = 4): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/** ISO base media brands (the `ftyp` box) of audio-only MPEG-4 files. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ']);
/** Brands of MPEG-4 video as phones and encoders write it; HEIC and AVIF images also use `ftyp`. */
const VIDEO_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'dash',
  'M4V ',
  'MSNV',
]);

function mpeg4(bytes: Uint8Array): FileType[] {
  const brand = tag(bytes, 8);
  if (AUDIO_BRANDS.has(brand)) return [FILE_TYPES.m4a];
  if (brand === 'qt  ') return [FILE_TYPES.mov];
  // Some encoders write audio-only files with a video brand: the declared type decides.
  if (VIDEO_BRANDS.has(brand)) return [FILE_TYPES.mp4, FILE_TYPES.m4a];
  return [];
}

/** An MPEG audio frame header: 11 sync bits, a known version and a layer (ADTS AAC has layer 0). */
function isMpegAudioFrame(bytes: Uint8Array): boolean {
  const [first = 0, second = 0] = bytes;
  return first === 0xff && (second & 0xe0) === 0xe0 && (second & 0x18) !== 0x08 && (second & 0x06) !== 0;
}

/** WebM is Matroska with the doc type `webm`; other Matroska files (`.mkv`) are not accepted. */
function isWebm(bytes: Uint8Array): boolean {
  const head = tag(bytes, 0, Math.min(bytes.length, 64));
  return head.includes('webm');
}

/**
 * The accepted types `head` (the file's first bytes; 64 KiB is plenty) may be, most likely first.
 * Empty when no binary format matches.
 */
export function sniffBinary(head: Uint8Array): FileType[] {
  if (startsWith(head, [0x89, ...ascii('PNG\r\n\x1a\n')])) return [FILE_TYPES.png];
  if (startsWith(head, [0xff, 0xd8, 0xff])) return [FILE_TYPES.jpeg];
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return [FILE_TYPES.gif];
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return [FILE_TYPES.webp];
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WAVE'), 8)) return [FILE_TYPES.wav];
  if (startsWith(head, ascii('%PDF-'))) return [FILE_TYPES.pdf];
  if (startsWith(head, ascii('OggS'))) return [FILE_TYPES.oggAudio, FILE_TYPES.oggVideo];
  if (startsWith(head, ascii('ftyp'), 4)) return mpeg4(head);
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]))
    return isWebm(head) ? [FILE_TYPES.webmVideo, FILE_TYPES.webmAudio] : [];
  if (startsWith(head, ascii('ID3')) || isMpegAudioFrame(head)) return [FILE_TYPES.mp3];
  // Office documents are ZIP archives; nothing short of unpacking tells them apart.
  if (startsWith(head, ascii('PK\x03\x04')))
    return [FILE_TYPES.zip, FILE_TYPES.docx, FILE_TYPES.xlsx, FILE_TYPES.pptx];
  return [];
}
