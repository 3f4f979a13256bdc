// Cross-site scripting payloads for the widget's message rendering: the classics of OWASP's XSS
// filter evasion cheat sheet, mutation XSS, script URLs in many encodings, and payloads wrapped in
// the widget's own formatting markers. Each one, if it ever ran, would call `__xss(<id>)` (from an
// iframe, `parent.__xss(<id>)`), which the end-to-end test records.

export interface XssVector {
  /** Passed to the sentinel; unique, from 1. */
  id: number;
  name: string;
  /** The message text, as sent. */
  payload: string;
  /** The text the widget must show: the payload itself, less any formatting markers it consumes. */
  shown: string;
}

type Entry = [name: string, payload: (id: number) => string, shown?: (payload: string) => string];

/** Drops the formatting markers around a payload: `*…*` shows as `…` in bold. */
const unwrap =
  (markers: number) =>
  (payload: string): string =>
    payload.slice(markers, -markers);

const LONG = 4000;

const entries: Entry[] = [
  ['script element', (id) => `<script>window.__xss(${id})</script>`],
  ['script with a data: source', (id) => `<SCRIPT SRC=data:text/javascript,window.__xss(${id})></SCRIPT>`],
  ['img onerror', (id) => `<img src=x onerror=window.__xss(${id})>`],
  ['img onerror, quoted and unclosed', (id) => `<img src="x" onerror="window.__xss(${id})"`],
  ['svg onload', (id) => `<svg onload=window.__xss(${id})>`],
  ['svg/onload without spaces', (id) => `<svg/onload=window.__xss(${id})//`],
  ['script inside svg', (id) => `<svg><script>window.__xss(${id})</script></svg>`],
  ['breaking out of a double-quoted attribute', (id) => `"><script>window.__xss(${id})</script>`],
  ['breaking out of a single-quoted attribute', (id) => `'><img src=x onerror=window.__xss(${id})>`],
  ['closing a textarea and a title', (id) => `</textarea></title><script>window.__xss(${id})</script>`],
  ['extraneous open brackets', (id) => `<<script>window.__xss(${id})//<</script>`],
  ['a script tag split by another', (id) => `<scr<script>ipt>window.__xss(${id})</scr</script>ipt>`],
  ['a bare javascript: URL', (id) => `javascript:window.__xss(${id})`],
  ['javascript: in mixed case', (id) => `JaVaScRiPt:window.__xss(${id})`],
  ['javascript: split by a line break', (id) => `java\nscript:window.__xss(${id})`],
  ['javascript: split by a tab', (id) => `java\tscript:window.__xss(${id})`],
  [
    'javascript: as decimal entities',
    (id) => `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss(${id})`,
  ],
  [
    'javascript: as hex entities',
    (id) => `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;window.__xss(${id})`,
  ],
  [
    'javascript: as padded entities without semicolons',
    (id) =>
      `&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058window.__xss(${id})`,
  ],
  ['javascript: with an encoded tab', (id) => `jav&#x09;ascript:window.__xss(${id})`],
  ['javascript: percent-encoded', (id) => `%6A%61%76%61%73%63%72%69%70%74%3Awindow.__xss(${id})`],
  ['an anchor to javascript:', (id) => `<a href="javascript:window.__xss(${id})">click me</a>`],
  [
    'an anchor to an entity-encoded javascript:',
    (id) => `<a href="&#106;avascript:window.__xss(${id})">x</a>`,
  ],
  [
    'an anchor to a spaced, mixed-case javascript:',
    (id) => `<a href=" JaVaScRiPt:window.__xss(${id})">x</a>`,
  ],
  ['an anchor to vbscript:', (id) => `<a href="vbscript:window.__xss(${id})">x</a>`],
  [
    'an svg anchor with xlink:href',
    (id) => `<svg><a xlink:href="javascript:window.__xss(${id})"><text>x</text></a></svg>`,
  ],
  ['an iframe to javascript:', (id) => `<iframe src=javascript:parent.__xss(${id})></iframe>`],
  ['an iframe srcdoc', (id) => `<iframe srcdoc="<script>parent.__xss(${id})</script>"></iframe>`],
  [
    'an embed of a data: document',
    (id) => `<embed src="data:text/html,<script>parent.__xss(${id})</script>">`,
  ],
  ['an object to javascript:', (id) => `<object data="javascript:window.__xss(${id})"></object>`],
  ['body onload', (id) => `<body onload=window.__xss(${id})>`],
  ['details open ontoggle', (id) => `<details open ontoggle=window.__xss(${id})>`],
  ['input autofocus onfocus', (id) => `<input autofocus onfocus=window.__xss(${id})>`],
  [
    'a button formaction',
    (id) => `<form><button formaction=javascript:window.__xss(${id})>x</button></form>`,
  ],
  ['a meta refresh', (id) => `<meta http-equiv="refresh" content="0;url=javascript:window.__xss(${id})">`],
  ['a style url()', (id) => `<div style="background-image:url(javascript:window.__xss(${id}))">x</div>`],
  [
    'math mglyph mutation XSS',
    (id) => `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss(${id})>`,
  ],
  ['math href', (id) => `<math href="javascript:window.__xss(${id})">click</math>`],
  [
    'noscript mutation XSS',
    (id) => `<noscript><p title="</noscript><img src=x onerror=window.__xss(${id})>">`,
  ],
  [
    'svg style mutation XSS',
    (id) => `<svg></p><style><a id="</style><img src=1 onerror=window.__xss(${id})>">`,
  ],
  ['a template', (id) => `<template><img src=x onerror=window.__xss(${id})></template>`],
  ['a comment breakout', (id) => `<!--<img src="--><img src=x onerror=window.__xss(${id})//">`],
  ['a markdown link', (id) => `[click](javascript:window.__xss(${id}))`],
  ['a markdown image', (id) => `![x](x" onerror="window.__xss(${id}))`],
  ['a template-engine expression', (id) => `{{constructor.constructor('window.__xss(${id})')()}}`],
  ['a template literal', (id) => `\${window.__xss(${id})}`],
  ['escaped angle brackets', (id) => `\\u003cscript\\u003ewindow.__xss(${id})\\u003c/script\\u003e`],
  ['a bare data: URL', (id) => `data:text/html,<script>window.__xss(${id})</script>`],
  ['a file: URL', (id) => `file:///etc/passwd?<img src=x onerror=window.__xss(${id})>`],
  ['bold around an img', (id) => `*<img src=x onerror=window.__xss(${id})>*`, unwrap(1)],
  ['strike around an svg', (id) => `~<svg onload=window.__xss(${id})>~`, unwrap(1)],
  // Not `_`: the sentinel's own underscores would pair with it, as WhatsApp's rules want.
  ['bold and strike around an img', (id) => `*~<img src=x onerror=window.__xss(${id})>~*`, unwrap(2)],
  ['mono around a script', (id) => `\`<script>window.__xss(${id})</script>\``, unwrap(1)],
  [
    'a fenced block around an iframe',
    (id) => `\`\`\`<iframe src=javascript:parent.__xss(${id})>\`\`\``,
    unwrap(3),
  ],
  ['a link followed by a script', (id) => `https://example.com/"><script>window.__xss(${id})</script>`],
  [
    'a link with an img in its query',
    (id) => `https://example.com/?q=<img src=x onerror=window.__xss(${id})>`,
  ],
  ['a www. link breaking out of its attribute', (id) => `www.example.com/'onmouseover='window.__xss(${id})'`],
  [
    'a mailto: link with a script body',
    (id) => `mailto:help@example.com?body=<script>window.__xss(${id})</script>`,
  ],
  [
    'a mailto: anchor with onclick',
    (id) => `<a href="mailto:a@example.com" onclick="window.__xss(${id})">mail</a>`,
  ],
  ['a right-to-left override name', (id) => `\u202E<img src=x onerror=window.__xss(${id})>gnp.exe`],
  [
    'a link with a right-to-left override',
    (id) => `https://example.com/\u202Eexe.<svg onload=window.__xss(${id})>`,
  ],
  [
    'a very long text ending in an img',
    (id) => {
      const tail = `<img src=x onerror=window.__xss(${id})>`;
      return 'A'.repeat(LONG - tail.length) + tail;
    },
  ],
  ['many nested tags around a script', (id) => `${'<b><i>'.repeat(400)}<script>window.__xss(${id})</script>`],
];

export const XSS_CORPUS: readonly XssVector[] = entries.map(([name, make, shown], index) => {
  const id = index + 1;
  const payload = make(id);
  return { id, name, payload, shown: shown ? shown(payload) : payload };
});
