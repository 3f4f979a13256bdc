// The first bytes of real files of each accepted type (and a few refused ones), for the upload
// tests. Where noted, the bytes were copied from files found on a developer machine.

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** A complete 8×6 PNG (one colour), small enough to upload whole. */
export const PNG_8x6 = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGPwd3uKFTEMpAQAqUJG4WbiFckAAAAASUVORK5CYII=',
    'base64',
  ),
);

export const PREFIXES = {
  /** rustdoc's collapsed-trait-impls.png, 608×275. */
  png: hex('89504e470d0a1a0a0000000d49484452000002600000011308020000001e572d'),
  /** A progressive JPEG (the embedded book's f3.jpg, 720×477) up to and including its frame header. */
  jpeg: hex(
    `ffd8ffdb00430001010101010101010101010101010102010101010102020202020303030303030303030404040303040303030405040405050505050304050605050604050505
     ffdb00430101010101010102010102050303030505050505050505050505050505050505050505050505050505050505050505050505050505050505050505050505050505
     ffc200110801dd02d003012100021101031101ff`,
  ),
  /** A JFIF JPEG's opening as cameras and editors write it. */
  jfif: hex('ffd8ffe000104a46494600010101004800480000'),
  /** pyenv's install_local_python.gif, 640×421. */
  gif: hex('4749463839618002a501f7023100000000000900ff000100'),
  /** CPython's test_email/data/python.webp (VP8X, 16×16). */
  webp: hex('52494646a801000057454250565038580a000000100000000f00000f0000414c5048c30000000127'),
  /** libtasn1's manual. */
  pdf: hex('255044462d312e350a25d0d4c5d80a3120306f626a0a3c3c0a2f4c656e677468'),
  /** gsutil's test.mp3: an ID3v2.4 tag, then the first frame. */
  mp3: hex('4944330400000000001654535345000000 0c000003 4c61766635332e352e3000 fff380c400000003480000'),
  /** An MP3 without a tag: MPEG-1 layer III frame sync. */
  mp3Frame: hex('fffb9064000000000000000000000000'),
  /** CPython's audiodata/pluck-pcm24.wav. */
  wav: hex('52494646084e000057415645666d74201000000001000200112b000066020100'),
  /** An Ogg page header (Vorbis). */
  ogg: hex('4f67675300020000000000000000a3c7b40100000000b3b1d5d3011e01766f72626973'),
  /** An iPhone voice memo: ftyp with the M4A brand. */
  m4a: hex('0000001c667479704d344120000000004d34412069736f6d69736f32'),
  /** An MP4 as browsers' MediaRecorder and phones write it. */
  mp4: hex('00000020 66747970 69736f6d 00000200 69736f6d 69736f32 61766331 6d703431'),
  /** A QuickTime movie (iPhone camera). */
  mov: hex('0000001466747970717420202005030071742020'),
  /** A HEIC photo: ftyp too, but not a movie. */
  heic: hex('0000001866747970686569630000000068656963'),
  /** A WebM file's EBML header (doc type "webm"), as Chrome's MediaRecorder writes it. */
  webm: hex('1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853'),
  /** A Matroska video (.mkv): EBML with the doc type "matroska". */
  mkv: hex('1a45dfa3a34286810142f7810142f2810442f381084282886d6174726f736b61'),
  /** CPython's archivetestdata/zipdir.zip; a .docx starts the same way. */
  zip: hex('504b03040a0000000000fdba253a000000000000000000000000020015'),
  text: utf8('Order #1234 arrived damaged.\r\nPhotos attached.\n'),
  csv: utf8('sku,qty\nTR-38,2\n'),
  utf8Text: utf8('Grüße, señor — 注文 ✓\n'),
  svg: utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>'),
  svgWithProlog: utf8('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
  html: utf8('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
  htmlFragment: utf8('  <script>alert(1)</script>'),
  /** An ELF executable. */
  elf: hex('7f454c4602010100000000000000000003003e00'),
  /** UTF-16 text with its byte order mark. */
  utf16: hex('fffe480069000a00'),
};
