import { MAX_ATTACHMENT_NAME } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName } from './filename.js';

describe('sanitizeFileName', () => {
  it('keeps ordinary names, accents and markup as they are', () => {
    expect(sanitizeFileName('Invoice 2024-03.pdf')).toBe('Invoice 2024-03.pdf');
    expect(sanitizeFileName('Café ☕ menu.png')).toBe('Café ☕ menu.png');
    expect(sanitizeFileName('<img src=x onerror=alert(1)>.png')).toBe('<img src=x onerror=alert(1)>.png');
  });

  it('turns path separators into underscores, so a name is never a path', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(sanitizeFileName('C:\\Users\\ada\\photo.jpg')).toBe('C:_Users_ada_photo.jpg');
  });

  it('drops control and bidirectional characters and collapses spaces', () => {
    expect(sanitizeFileName('a\r\nContent-Type: text/html\u0000.txt')).toBe('a Content-Type: text_html .txt');
    expect(sanitizeFileName('\u202Egnp.exe')).toBe('gnp.exe');
    expect(sanitizeFileName('  two   spaces\t.txt ')).toBe('two spaces .txt');
  });

  it('normalises to NFC', () => {
    expect(sanitizeFileName('Cafe\u0301.txt')).toBe('Café.txt');
  });

  it('names an empty or dots-only name "file"', () => {
    for (const name of ['', '   ', '.', '..', '\u202E', '\u0000'])
      expect(sanitizeFileName(name)).toBe('file');
  });

  it('shortens long names keeping the extension and whole characters', () => {
    const long = sanitizeFileName(`${'a'.repeat(400)}.pdf`);
    expect(long).toHaveLength(MAX_ATTACHMENT_NAME);
    expect(long.endsWith('a.pdf')).toBe(true);
    const emoji = sanitizeFileName(`${'😀'.repeat(200)}.txt`);
    expect(emoji.length).toBeLessThanOrEqual(MAX_ATTACHMENT_NAME);
    expect(emoji).toBe(`${'😀'.repeat(125)}.txt`);
  });
});

describe('contentDisposition', () => {
  it('gives plain ASCII names in both forms', () => {
    expect(contentDisposition('inline', 'photo.png')).toBe(
      `inline; filename="photo.png"; filename*=UTF-8''photo.png`,
    );
  });

  it('percent-encodes the UTF-8 name and puts an ASCII stand-in in filename', () => {
    expect(contentDisposition('attachment', 'Grüße "final" 100%.pdf')).toBe(
      `attachment; filename="Gr__e _final_ 100_.pdf"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22final%22%20100%25.pdf`,
    );
  });

  it("encodes the characters RFC 5987 does not allow bare: ' ( ) * ; and backslash", () => {
    const header = contentDisposition('attachment', "it's (a) *test*; x\\y.txt");
    expect(header).toContain(`filename*=UTF-8''it%27s%20%28a%29%20%2Atest%2A%3B%20x%5Cy.txt`);
    expect(header).toContain('filename="it\'s (a) *test*; x_y.txt"');
  });
});
