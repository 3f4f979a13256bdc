import type { UploadLimits } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { checkFiles, refusalText } from './check-files.js';

const limits: UploadLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxAttachments: 3,
  contentTypes: ['image/png', 'application/pdf'],
};

const file = (name: string, size: number, type: string) => ({ name, size, type });

describe('checkFiles', () => {
  it('takes files within the announced size and types', () => {
    const png = file('photo.png', 1000, 'image/png');
    const pdf = file('receipt.pdf', limits.maxBytes, 'application/pdf');
    expect(checkFiles([png, pdf], { limits, attached: 0 })).toEqual({ accepted: [png, pdf], refusals: [] });
  });

  it('refuses a file over the size limit or of a refused type, naming the file', () => {
    const big = file('scan.png', limits.maxBytes + 1, 'image/png');
    const svg = file('logo.svg', 10, 'image/svg+xml');
    expect(checkFiles([big, svg], { limits, attached: 0 })).toEqual({
      accepted: [],
      refusals: [
        'scan.png is larger than 2 MB, the largest file the server accepts.',
        'logo.svg is a kind of file the server does not accept.',
      ],
    });
  });

  it('lets a file without a type through: the server decides from its bytes', () => {
    const unknown = file('notes', 10, '');
    expect(checkFiles([unknown], { limits, attached: 0 }).accepted).toEqual([unknown]);
  });

  it('counts the files already waiting, and says "too many" once', () => {
    const files = ['a', 'b', 'c'].map((name) => file(`${name}.png`, 1, 'image/png'));
    const check = checkFiles(files, { limits, attached: 2 });
    expect(check.accepted.map((f) => f.name)).toEqual(['a.png']);
    expect(check.refusals).toEqual(['A message carries at most 3 files.']);
  });

  it('without limits, refuses only what no message could carry', () => {
    const files = Array.from({ length: 11 }, (_, i) => file(`f${i}.exe`, 1e12, 'application/x-what'));
    const check = checkFiles(files, { limits: null, attached: 0 });
    expect(check.accepted).toHaveLength(10);
    expect(check.refusals).toEqual(['A message carries at most 10 files.']);
  });
});

describe('refusalText', () => {
  it('does without the limit when it is not known', () => {
    expect(refusalText('file_too_large', 'a.png', null)).toBe('a.png is larger than the server accepts.');
  });
});
