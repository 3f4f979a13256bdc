import type { UploadLimits } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { checkFiles } from './check-files.js';

const limits: UploadLimits = {
  maxBytes: 1000,
  maxAttachments: 3,
  contentTypes: ['image/png', 'application/pdf'],
};
const file = (name: string, size: number, type: string) => ({ name, size, type });

describe('checkFiles', () => {
  it('takes files within the size, of the announced types, and of unknown type', () => {
    const files = [
      file('a.png', 1000, 'image/png'),
      file('b.pdf', 10, 'APPLICATION/PDF'),
      file('c.heic', 10, ''),
    ];
    expect(checkFiles(files, { limits, attached: 0, maxAttachments: 3 })).toEqual({
      accepted: files,
      refused: [],
    });
  });

  it('refuses files too large or of a type the server does not take, saying why', () => {
    const big = file('big.png', 1001, 'image/png');
    const svg = file('logo.svg', 10, 'image/svg+xml');
    expect(checkFiles([big, svg], { limits, attached: 0, maxAttachments: 3 })).toEqual({
      accepted: [],
      refused: [
        { file: big, reason: 'too-large' },
        { file: svg, reason: 'type' },
      ],
    });
  });

  it('stops at the most files a message carries, counting those already attached', () => {
    const files = ['a', 'b', 'c'].map((name) => file(`${name}.png`, 1, 'image/png'));
    const check = checkFiles(files, { limits, attached: 1, maxAttachments: 3 });
    expect(check.accepted.map((f) => f.name)).toEqual(['a.png', 'b.png']);
    expect(check.refused).toEqual([{ file: files[2], reason: 'too-many' }]);
  });

  it('leaves size and type to the server before the limits are known, but not the count', () => {
    const files = [file('huge.mov', 1e10, 'video/x-unknown'), file('b', 1, '')];
    const check = checkFiles(files, { limits: null, attached: 0, maxAttachments: 1 });
    expect(check.accepted).toEqual([files[0]]);
    expect(check.refused).toEqual([{ file: files[1], reason: 'too-many' }]);
  });
});
