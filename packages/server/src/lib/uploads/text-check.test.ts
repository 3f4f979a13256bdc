import { describe, expect, it } from 'vitest';
import { PREFIXES } from '../../test-support/files.js';
import { createTextCheck, looksLikeMarkup } from './text-check.js';

function isText(...chunks: Uint8Array[]): boolean {
  const check = createTextCheck();
  return chunks.every((chunk) => check.push(chunk)) && check.end();
}

describe('createTextCheck', () => {
  it('accepts UTF-8 text, also when a character is split between chunks', () => {
    expect(isText(PREFIXES.text)).toBe(true);
    const bytes = PREFIXES.utf8Text;
    // Split inside the three bytes of "注".
    const split = bytes.indexOf(0xe6) + 1;
    expect(isText(bytes.subarray(0, split), bytes.subarray(split))).toBe(true);
  });

  it('refuses invalid UTF-8, UTF-16, control bytes and a file that ends inside a character', () => {
    expect(isText(Uint8Array.of(0x68, 0xff, 0x69))).toBe(false);
    expect(isText(PREFIXES.utf16)).toBe(false);
    expect(isText(PREFIXES.text, Uint8Array.of(0x41, 0x00, 0x42))).toBe(false);
    expect(isText(PREFIXES.elf)).toBe(false);
    expect(isText(PREFIXES.utf8Text.subarray(0, PREFIXES.utf8Text.indexOf(0xe6) + 1))).toBe(false);
  });
});

describe('looksLikeMarkup', () => {
  it.each([
    '<!DOCTYPE html><p>x',
    '<html>',
    '  \n<script>alert(1)</script>',
    '<svg xmlns="http://www.w3.org/2000/svg">',
    '<?xml version="1.0"?>',
    '<!-- comment -->',
    '\ufeff<HTML lang="en">',
    '<a href=x>',
  ])('sees markup in %j', (text) => {
    expect(looksLikeMarkup(text)).toBe(true);
  });

  it.each(['<3 thanks!', 'a < b and b > c', 'Order #1234', '<abbr>', 'see <https://example.com>'])(
    'sees text in %j',
    (text) => {
      expect(looksLikeMarkup(text)).toBe(false);
    },
  );
});
