import { describe, expect, it } from 'vitest';
import { PNG_8x6, PREFIXES } from '../../test-support/files.js';
import { FILE_TYPES } from './file-types.js';
import { imageSize } from './image-size.js';

describe('imageSize', () => {
  it.each([
    ['png', FILE_TYPES.png, PREFIXES.png, { width: 608, height: 275 }],
    ['a whole png', FILE_TYPES.png, PNG_8x6, { width: 8, height: 6 }],
    ['progressive jpeg', FILE_TYPES.jpeg, PREFIXES.jpeg, { width: 720, height: 477 }],
    ['gif', FILE_TYPES.gif, PREFIXES.gif, { width: 640, height: 421 }],
    ['webp (VP8X)', FILE_TYPES.webp, PREFIXES.webp, { width: 16, height: 16 }],
  ])('reads the size of a %s', (_label, type, bytes, size) => {
    expect(imageSize(type, bytes)).toEqual(size);
  });

  it('gives up on a JPEG whose frame header is beyond the bytes at hand, and on non-images', () => {
    expect(imageSize(FILE_TYPES.jpeg, PREFIXES.jpeg.subarray(0, 145))).toBeNull();
    expect(imageSize(FILE_TYPES.jpeg, PREFIXES.jfif)).toBeNull();
    expect(imageSize(FILE_TYPES.pdf, PREFIXES.pdf)).toBeNull();
    expect(imageSize(FILE_TYPES.png, PREFIXES.png.subarray(0, 20))).toBeNull();
  });
});
