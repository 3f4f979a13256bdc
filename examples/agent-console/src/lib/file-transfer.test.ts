import { describe, expect, it } from 'vitest';
import { carriesFiles, droppedFiles, pastedFiles } from './file-transfer.js';

const png = new File(['x'], 'image.png', { type: 'image/png' });
const transfer = (types: string[], files: File[] = []) => ({ types, files });

describe('file transfers', () => {
  it('tells a drag of files from a drag of text or a link', () => {
    expect(carriesFiles(transfer(['Files']))).toBe(true);
    expect(carriesFiles(transfer(['text/plain', 'text/uri-list']))).toBe(false);
    expect(carriesFiles(null)).toBe(false);
  });

  it('reads the dropped files', () => {
    expect(droppedFiles(transfer(['Files'], [png]))).toEqual([png]);
    expect(droppedFiles(null)).toEqual([]);
  });

  it('takes a pasted screenshot, and leaves rich text (with its picture) to the text field', () => {
    expect(pastedFiles(transfer(['Files'], [png]))).toEqual([png]);
    expect(pastedFiles(transfer(['text/plain', 'text/rtf', 'Files'], [png]))).toEqual([]);
    expect(pastedFiles(transfer(['text/plain']))).toEqual([]);
  });
});
