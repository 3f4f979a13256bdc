import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size.js';

describe('formatFileSize', () => {
  it('says sizes in the widget’s language', () => {
    expect([512, 1536, 20 * 1024, 10 * 1024 * 1024].map((bytes) => formatFileSize(bytes, 'en'))).toEqual([
      '512 bytes',
      '1.5 kB',
      '20 kB',
      '10 MB',
    ]);
    expect(formatFileSize(1536, 'de')).toBe('1,5 kB');
  });
});
