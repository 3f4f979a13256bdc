// Image dimensions from the first bytes, for the formats where that is cheap, so that clients can
// reserve an image's space before it loads (and the message list does not jump). EXIF rotation is
// ignored: a rotated photo's box is off until it loads, never distorted.
import type { FileType } from './file-types.js';

export interface ImageSize {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 0x10000 + u16be(b, i + 2);

function png(b: Uint8Array): ImageSize | null {
  return b.length >= 24 ? { width: u32be(b, 16), height: u32be(b, 20) } : null;
}

function gif(b: Uint8Array): ImageSize | null {
  return b.length >= 10 ? { width: u16le(b, 6), height: u16le(b, 8) } : null;
}

function webp(b: Uint8Array): ImageSize | null {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8X' && b.length >= 30) return { width: 1 + u24le(b, 24), height: 1 + u24le(b, 27) };
  if (chunk === 'VP8 ' && b.length >= 30)
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const [b1 = 0, b2 = 0, b3 = 0, b4 = 0] = b.subarray(21, 25);
    return {
      width: 1 + (((b2 & 0x3f) << 8) | b1),
      height: 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6)),
    };
  }
  return null;
}

/** Start-of-frame markers (baseline, progressive…), which carry the dimensions. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG's segments up to the frame header, within the bytes at hand. */
function jpeg(b: Uint8Array): ImageSize | null {
  let offset = 2;
  while (offset + 9 <= b.length) {
    if (b[offset] !== 0xff) return null;
    const marker = b[offset + 1] ?? 0;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2;
      continue;
    }
    if (SOF.has(marker)) return { height: u16be(b, offset + 5), width: u16be(b, offset + 7) };
    offset += 2 + u16be(b, offset + 2);
  }
  return null;
}

const READERS: Record<string, (bytes: Uint8Array) => ImageSize | null> = {
  'image/png': png,
  'image/gif': gif,
  'image/webp': webp,
  'image/jpeg': jpeg,
};

/** The image's size in pixels, or null when it is not an image or not readable from `head`. */
export function imageSize(type: FileType, head: Uint8Array): ImageSize | null {
  const size = READERS[type.contentType]?.(head) ?? null;
  return size && size.width > 0 && size.height > 0 ? size : null;
}
