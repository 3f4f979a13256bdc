import { describe, expect, it } from 'vitest';
import { PNG_8x6, PREFIXES } from '../../test-support/files.js';
import { agreeOnType } from './file-types.js';
import { sniffBinary } from './sniff.js';

const sniffed = (bytes: Uint8Array) => sniffBinary(bytes).map((type) => type.contentType);

describe('sniffBinary', () => {
  it.each([
    ['png', PREFIXES.png, ['image/png']],
    ['a whole PNG', PNG_8x6, ['image/png']],
    ['progressive jpeg', PREFIXES.jpeg, ['image/jpeg']],
    ['jfif jpeg', PREFIXES.jfif, ['image/jpeg']],
    ['gif', PREFIXES.gif, ['image/gif']],
    ['webp', PREFIXES.webp, ['image/webp']],
    ['pdf', PREFIXES.pdf, ['application/pdf']],
    ['mp3 with an ID3 tag', PREFIXES.mp3, ['audio/mpeg']],
    ['mp3 without a tag', PREFIXES.mp3Frame, ['audio/mpeg']],
    ['wav', PREFIXES.wav, ['audio/wav']],
    ['ogg', PREFIXES.ogg, ['audio/ogg', 'video/ogg']],
    ['m4a', PREFIXES.m4a, ['audio/mp4']],
    ['mp4', PREFIXES.mp4, ['video/mp4', 'audio/mp4']],
    ['mov', PREFIXES.mov, ['video/quicktime']],
    ['webm', PREFIXES.webm, ['video/webm', 'audio/webm']],
    [
      'zip',
      PREFIXES.zip,
      [
        'application/zip',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      ],
    ],
  ])('recognises %s', (_label, bytes, types) => {
    expect(sniffed(bytes)).toEqual(types);
  });

  it.each([
    ['heic (an ftyp box that is not a movie)', PREFIXES.heic],
    ['matroska that is not webm', PREFIXES.mkv],
    ['an ELF executable', PREFIXES.elf],
    ['svg', PREFIXES.svg],
    ['html', PREFIXES.html],
    ['plain text (text-check decides)', PREFIXES.text],
    ['a truncated PNG signature', PREFIXES.png.subarray(0, 5)],
    ['nothing', new Uint8Array()],
  ])('finds nothing in %s', (_label, bytes) => {
    expect(sniffed(bytes)).toEqual([]);
  });
});

describe('agreeOnType', () => {
  it('takes the candidate the declared type or one of its aliases names', () => {
    expect(agreeOnType('audio/x-wav', sniffBinary(PREFIXES.wav))?.contentType).toBe('audio/wav');
    expect(agreeOnType('audio/webm', sniffBinary(PREFIXES.webm))?.kind).toBe('audio');
    expect(agreeOnType('video/webm', sniffBinary(PREFIXES.webm))?.kind).toBe('video');
    expect(agreeOnType('audio/x-m4a', sniffBinary(PREFIXES.mp4))?.contentType).toBe('audio/mp4');
  });

  it('takes the most likely candidate when nothing was declared', () => {
    expect(agreeOnType('', sniffBinary(PREFIXES.mp4))?.contentType).toBe('video/mp4');
    expect(agreeOnType('application/octet-stream', sniffBinary(PREFIXES.zip))?.contentType).toBe(
      'application/zip',
    );
  });

  it('refuses a declared type the bytes disagree with', () => {
    expect(agreeOnType('image/png', sniffBinary(PREFIXES.jpeg))).toBeNull();
    expect(agreeOnType('application/pdf', sniffBinary(PREFIXES.zip))).toBeNull();
    expect(agreeOnType('image/png', [])).toBeNull();
  });
});
