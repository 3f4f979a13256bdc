import { describe, expect, it } from 'vitest';
import { parseMessage, type MessageNode } from './parse.js';

/** A compact picture of the nodes: `[b:…]`, `[i:…]`, `[s:…]`, `[code:…]`, `[a href|text]`, `⏎`. */
function sketch(nodes: readonly MessageNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.text;
        case 'bold':
          return `[b:${sketch(node.children)}]`;
        case 'italic':
          return `[i:${sketch(node.children)}]`;
        case 'strike':
          return `[s:${sketch(node.children)}]`;
        case 'mono':
          return `[code:${node.text}]`;
        case 'link':
          return `[a ${node.href}|${node.text}]`;
        case 'break':
          return '⏎';
      }
    })
    .join('');
}

const parsed = (text: string) => sketch(parseMessage(text));

/** Every link's href, depth first. */
function hrefs(nodes: readonly MessageNode[]): string[] {
  return nodes.flatMap((node) =>
    node.type === 'link' ? [node.href] : 'children' in node ? hrefs(node.children) : [],
  );
}

describe('parseMessage', () => {
  it('keeps plain text as one text node, and an empty message empty', () => {
    expect(parseMessage('Hello there')).toEqual([{ type: 'text', text: 'Hello there' }]);
    expect(parseMessage('')).toEqual([]);
  });

  it('parses bold, italic, strike and mono into nodes', () => {
    expect(parseMessage('a *b* _c_ ~d~ `e`')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'bold', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'italic', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'strike', children: [{ type: 'text', text: 'd' }] },
      { type: 'text', text: ' ' },
      { type: 'mono', text: 'e' },
    ]);
  });

  it.each([
    ['*bold words*', '[b:bold words]'],
    ['(*bold*)', '([b:bold])'],
    ['*bold*, then', '[b:bold], then'],
    ['"_quoted_"', '"[i:quoted]"'],
    ['~gone~!', '[s:gone]!'],
    ['x *a* *b*', 'x [b:a] [b:b]'],
  ])('formats %j at word boundaries', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it.each([
    'snake_case_name',
    '2*3*4',
    'a*b',
    'a*b*c',
    'x~y~z',
    'file_name.txt and other_file',
    '*bold*text',
    'text*bold*',
    'my_var_ is set',
  ])('leaves markers inside words as written: %j', (text) => {
    expect(parseMessage(text)).toEqual([{ type: 'text', text }]);
  });

  it.each(['* not bold*', '*not bold *', '_ x _', '~ ~', '` x`', '`x `', '**', '__', '~~', '``'])(
    'leaves markers that do not hug their text, or hold nothing, as written: %j',
    (text) => {
      expect(parseMessage(text)).toEqual([{ type: 'text', text }]);
    },
  );

  it.each(['*unclosed', 'unopened*', '_half', '~nope', '`open code', '```open block', '*a _b* c_'])(
    'keeps unclosed markers as text: %j',
    (text) => {
      expect(parsed(text)).toBe(text === '*a _b* c_' ? '[b:a _b] c_' : text);
    },
  );

  it('nests styles, and never lets them cross', () => {
    expect(parsed('_this is *bold* inside italic_')).toBe('[i:this is [b:bold] inside italic]');
    expect(parsed('*_~all three~_*')).toBe('[b:[i:[s:all three]]]');
    expect(parsed('_*x*_')).toBe('[i:[b:x]]');
    // The bold closes first; the underscore opened inside it is left as written.
    expect(parsed('*a _b* c_')).toBe('[b:a _b] c_');
    expect(parsed('*a *b*')).toBe('*a [b:b]');
    expect(parsed('*`code` in bold*')).toBe('[b:[code:code] in bold]');
  });

  it('formats nothing inside mono, and takes a mono span whole', () => {
    expect(parsed('`*not bold* _nor italic_`')).toBe('[code:*not bold* _nor italic_]');
    expect(parsed('`https://example.com`')).toBe('[code:https://example.com]');
    expect(parsed('*a `b* c`')).toBe('*a [code:b* c]');
    expect(parsed('use `npm i` then `npm t`')).toBe('use [code:npm i] then [code:npm t]');
  });

  it('parses a fenced block across lines, without its fences’ own line breaks', () => {
    expect(parseMessage('```\nconst a = *b*;\n  _c_\n```')).toEqual([
      { type: 'mono', text: 'const a = *b*;\n  _c_' },
    ]);
    expect(parsed('see ```x```!')).toBe('see [code:x]!');
    expect(parsed('``````')).toBe('``````');
  });

  it('turns line breaks into break nodes, and styles do not span them', () => {
    expect(parseMessage('one\ntwo\r\nthree\rfour')).toEqual([
      { type: 'text', text: 'one' },
      { type: 'break' },
      { type: 'text', text: 'two' },
      { type: 'break' },
      { type: 'text', text: 'three' },
      { type: 'break' },
      { type: 'text', text: 'four' },
    ]);
    expect(parsed('*a\nb*')).toBe('*a⏎b*');
    expect(parsed('`a\nb`')).toBe('`a⏎b`');
    expect(parsed('*a*\n\n*b*')).toBe('[b:a]⏎⏎[b:b]');
  });

  describe('links', () => {
    it.each([
      ['https://example.com', 'https://example.com/', 'https://example.com'],
      ['http://example.com/a?b=c#d', 'http://example.com/a?b=c#d', 'http://example.com/a?b=c#d'],
      ['HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path', 'HTTPS://EXAMPLE.COM/Path'],
      ['mailto:help@example.com', 'mailto:help@example.com', 'mailto:help@example.com'],
      ['www.example.com/help', 'https://www.example.com/help', 'www.example.com/help'],
      [
        'https://example.com/snake_case_*x*',
        'https://example.com/snake_case_*x',
        'https://example.com/snake_case_*x',
      ],
    ])('links %j', (text, href, shown) => {
      const nodes = parseMessage(text);
      expect(nodes[0]).toEqual({ type: 'link', href, text: shown });
    });

    it.each([
      ['See https://example.com.', 'See [a https://example.com/|https://example.com].'],
      ['(https://example.com)', '([a https://example.com/|https://example.com])'],
      ['https://example.com/a, b', '[a https://example.com/a|https://example.com/a], b'],
      ['Really https://example.com?!', 'Really [a https://example.com/|https://example.com]?!'],
      ['"https://example.com"', '"[a https://example.com/|https://example.com]"'],
      ['mail mailto:a@b.co!', 'mail [a mailto:a@b.co|mailto:a@b.co]!'],
      ['visit www.example.com;', 'visit [a https://www.example.com/|www.example.com];'],
      [
        'https://en.wikipedia.org/wiki/Bar_(law).',
        '[a https://en.wikipedia.org/wiki/Bar_(law)|https://en.wikipedia.org/wiki/Bar_(law)].',
      ],
      [
        '(https://en.wikipedia.org/wiki/Bar_(law))',
        '([a https://en.wikipedia.org/wiki/Bar_(law)|https://en.wikipedia.org/wiki/Bar_(law)])',
      ],
      ['https://example.com/<b>', '[a https://example.com/|https://example.com/]<b>'],
    ])('leaves trailing punctuation out of %j', (text, expected) => {
      expect(parsed(text)).toBe(expected);
    });

    it('formats around links, not inside them', () => {
      expect(parsed('*https://example.com*')).toBe('[b:[a https://example.com/|https://example.com]]');
      expect(parsed('_see www.example.com/a_b_')).toBe(
        '[i:see [a https://www.example.com/a_b|www.example.com/a_b]]',
      );
    });

    it('starts a link only at a word boundary, and only with something after its prefix', () => {
      expect(hrefs(parseMessage('xhttps://example.com'))).toEqual([]);
      expect(hrefs(parseMessage('me@www.example.com'))).toEqual([]);
      expect(hrefs(parseMessage('example.com/www.example.org'))).toEqual([]);
      for (const text of ['https://', 'http://.', 'mailto:', 'www.', 'www..', 'https://[oops']) {
        expect(parseMessage(text)).toEqual([{ type: 'text', text }]);
      }
    });

    it.each([
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\nscript:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'VBScript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com',
      'blob:https://example.com/uuid',
      '//example.com',
      '&#106;avascript:alert(1)',
      '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
      '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
      'jav&#x09;ascript:alert(1)',
      '%6A%61%76%61%73%63%72%69%70%74:alert(1)',
      '[click](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
    ])('never links %j, and keeps it as written', (text) => {
      const nodes = parseMessage(text);
      expect(hrefs(nodes)).toEqual([]);
      expect(sketch(nodes).replaceAll('⏎', '\n')).toBe(text);
    });

    it('links only the http part of a script URL that contains one, and keeps the rest as text', () => {
      const nodes = parseMessage('javascript://https://example.com/%0aalert(1)');
      expect(hrefs(nodes)).toEqual([]);
      const wrapped = parseMessage('javascript:alert(1)//https://example.com');
      expect(hrefs(wrapped)).toEqual([]);
      const spaced = parseMessage('javascript:alert(1) https://example.com');
      expect(hrefs(spaced)).toEqual(['https://example.com/']);
      expect(sketch(spaced)).toBe('javascript:alert(1) [a https://example.com/|https://example.com]');
    });

    it('ends a link at a bidi control, so that its text cannot disguise where it goes', () => {
      const nodes = parseMessage('https://example.com/\u202Efdp.exe');
      expect(nodes).toEqual([
        { type: 'link', href: 'https://example.com/', text: 'https://example.com/' },
        { type: 'text', text: '\u202Efdp.exe' },
      ]);
    });

    it('ends a link at quotes and angle brackets', () => {
      expect(hrefs(parseMessage('https://example.com/"onmouseover="alert(1)'))).toEqual([
        'https://example.com/',
      ]);
      expect(hrefs(parseMessage("https://example.com/'><script>alert(1)</script>"))).toEqual([
        'https://example.com/',
      ]);
    });
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '&lt;b&gt;not bold&lt;/b&gt; &amp; &#x3C;',
    'Emoji 👋🏽 👨‍👩‍👧 ❤️ stay 🇫🇷',
    'مرحبا، كيف يمكنني المساعدة؟',
    'שלום עולם',
    '\u202Etxt.exe and \u2066isolated\u2069 and \u200F marks',
    'Tabs\tand   spaces  ',
  ])('passes %j through untouched', (text) => {
    expect(parseMessage(text)).toEqual([{ type: 'text', text }]);
  });

  it('formats around emoji and right-to-left text', () => {
    expect(parsed('*👋 hi* 👋')).toBe('[b:👋 hi] 👋');
    expect(parsed('👋*hi*')).toBe('👋[b:hi]');
    expect(parsed('*مرحبا* _שלום_')).toBe('[b:مرحبا] [i:שלום]');
    expect(parsed('مرحبا_بك_')).toBe('مرحبا_بك_');
  });

  it.each([
    ['*_~', '*_~'.repeat(1334)],
    ['`', '`'.repeat(4000)],
    ['`a', '`a'.repeat(2000)],
    ['```a`', '```a`'.repeat(800)],
    ['*a ', '*a '.repeat(1334)],
    ['_a_b', '_a_b'.repeat(1000)],
    ['*\\n', '*\n'.repeat(2000)],
    ['http://[', 'http://['.repeat(500)],
    ['https://x.co/)', 'https://x.co/)'.repeat(286)],
    ['(', '('.repeat(4000)],
    [' www.a.', ' www.a.'.repeat(572)],
  ])('parses 4000 characters of %j in linear time', (_name, text) => {
    const started = performance.now();
    const nodes = parseMessage(text);
    // A guard against exponential or quadratic blow-ups, not a benchmark: this takes a few ms.
    expect(performance.now() - started).toBeLessThan(200);
    expect(nodes.length).toBeGreaterThan(0);
  });

  it('never drops or invents a character other than markers and fences’ line breaks, whatever the input', () => {
    const visible = (nodes: readonly MessageNode[]): string =>
      nodes
        .map((node) => {
          if (node.type === 'text' || node.type === 'mono' || node.type === 'link') return node.text;
          return node.type === 'break' ? '\n' : visible(node.children);
        })
        .join('');
    const pieces = [
      '*',
      '_',
      '~',
      '`',
      '```',
      ' ',
      '\n',
      'a',
      'é',
      '👋',
      '(',
      ')',
      '.',
      'https://x.co/',
      'www.',
      'javascript:',
    ];
    const bare = (text: string) => text.replace(/[*_~`\n]/g, '');
    const lines = (text: string) => text.split('\n').length;
    // A fixed-seed generator, so that a failure can be replayed.
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 2000; run++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      const nodes = parseMessage(text);
      expect(bare(visible(nodes)), JSON.stringify(text)).toBe(bare(text));
      expect(lines(visible(nodes))).toBeLessThanOrEqual(lines(text));
      for (const href of hrefs(nodes)) expect(href).toMatch(/^(https:|http:|mailto:)/);
    }
  });
});
