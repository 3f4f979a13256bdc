import { describe, expect, it } from 'vitest';
import { carriesFiles, droppedFiles, pastedFiles } from './transfer.js';

/** What the events' DataTransfer holds, as far as these functions look. */
const data = (types: string[], files: File[]) => ({ types, files });
const screenshot = new File([new Uint8Array([1])], 'image.png', { type: 'image/png' });

describe('drops', () => {
  it('takes files, and tells a drag of files from one of text', () => {
    const drop = { dataTransfer: data(['Files'], [screenshot]) } as unknown as DragEvent;
    expect(carriesFiles(drop)).toBe(true);
    expect(droppedFiles(drop)).toEqual([screenshot]);
    expect(carriesFiles({ dataTransfer: data(['text/plain'], []) } as unknown as DragEvent)).toBe(false);
  });
});

describe('pastedFiles', () => {
  const paste = (types: string[], files: File[]) =>
    ({ clipboardData: data(types, files) }) as unknown as ClipboardEvent;

  it('takes a screenshot, a copied image or a copied file', () => {
    expect(pastedFiles(paste(['Files'], [screenshot]))).toEqual([screenshot]);
    expect(pastedFiles(paste(['text/html', 'Files'], [screenshot]))).toEqual([screenshot]);
    expect(pastedFiles(paste(['text/plain', 'Files'], [screenshot]))).toEqual([screenshot]);
  });

  it('leaves text, and a word processor’s rich text with its picture, to the text field', () => {
    expect(pastedFiles(paste(['text/plain'], []))).toEqual([]);
    expect(pastedFiles(paste(['text/plain', 'text/html', 'text/rtf', 'Files'], [screenshot]))).toEqual([]);
  });
});
