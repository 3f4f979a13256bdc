// Plain text has no magic number: a file is text when all of it is UTF-8 without control
// characters, and it does not open like a document a browser would render (HTML, XML, SVG).

/**
 * The openings WHATWG MIME Sniffing reads as HTML (`<html`, `<script`, `<!--`…), plus XML and SVG,
 * after optional whitespace. A text file that starts like this is refused: served as text it is
 * harmless, but nobody needs to send one, and a browser that ignores `nosniff` would render it.
 */
const MARKUP =
  /^\s*<(?:(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg|\?xml)(?=[\s>/])|!--)/i;

const BOM = '\ufeff';

export function looksLikeMarkup(text: string): boolean {
  return MARKUP.test(text.startsWith(BOM) ? text.slice(1) : text);
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape. */
function hasControlBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (
      byte < 0x20 &&
      byte !== 0x09 &&
      byte !== 0x0a &&
      byte !== 0x0b &&
      byte !== 0x0c &&
      byte !== 0x0d &&
      byte !== 0x1b
    )
      return true;
    if (byte === 0x7f) return true;
  }
  return false;
}

export interface TextCheck {
  /** Feeds the next chunk; false once the file is known not to be text. */
  push(chunk: Uint8Array): boolean;
  /** The file ended: false if it stopped inside a UTF-8 sequence. */
  end(): boolean;
}

/** Checks a file chunk by chunk, so that text of any size is verified without holding it. */
export function createTextCheck(): TextCheck {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  return {
    push(chunk) {
      if (!valid) return false;
      try {
        decoder.decode(chunk, { stream: true });
        valid = !hasControlBytes(chunk);
      } catch {
        valid = false;
      }
      return valid;
    },
    end() {
      if (!valid) return false;
      try {
        decoder.decode();
      } catch {
        valid = false;
      }
      return valid;
    },
  };
}
