import { findLink } from './link.js';

export interface TextNode {
  type: 'text';
  text: string;
}

export interface StyleNode {
  type: 'bold' | 'italic' | 'strike';
  children: MessageNode[];
}

/** Monospaced text, shown as written: nothing inside it is formatted. */
export interface MonoNode {
  type: 'mono';
  text: string;
}

/** `href` has been checked against the allowed protocols; `text` is the link as written. */
export interface LinkNode {
  type: 'link';
  href: string;
  text: string;
}

export interface BreakNode {
  type: 'break';
}

export type MessageNode = TextNode | StyleNode | MonoNode | LinkNode | BreakNode;

type Style = StyleNode['type'];

const STYLES: Readonly<Record<string, Style>> = { '*': 'bold', _: 'italic', '~': 'strike' };

/** A `*`, `_` or `~` that may open or close a style, until pairing decides whether it does. */
interface Marker {
  type: 'marker';
  char: string;
  canOpen: boolean;
  canClose: boolean;
  /** Set on an opener once paired: the index of its closing marker. */
  closer?: number;
}

type Token = MessageNode | Marker;

const isWord = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);
/**
 * A link starts only at a word boundary and not inside another address, so that `xhttp://`,
 * `a@www.b.c` and `blob:https://…` stay text.
 */
const blocksLink = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}@./:]/u.test(char);
/** `` ` `` closes an inline code span when it follows text and precedes a word boundary. */
const closesTick = (text: string, at: number) =>
  text[at] === '`' && !isSpace(text[at - 1]) && !isWord(text[at + 1]);

/**
 * Splits `text` into text, line breaks, code spans, links and style markers, left to right.
 * Code spans and links are taken whole, so markers inside them are text. Every search forward is
 * remembered until the scan passes its result, so the whole pass is linear in the text's length.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let plainFrom = 0;
  const push = (token: Token, from: number, to: number) => {
    if (from > plainFrom) tokens.push({ type: 'text', text: text.slice(plainFrom, from) });
    tokens.push(token);
    plainFrom = to;
    return to;
  };
  // The latest answers to "where does this line end", "where is the next closing backtick" and
  // "where is the next fence": each holds for any later question asked before the scan passes it.
  let lineEnd = -1;
  let tick = -1;
  let fence = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\n' || char === '\r') {
      i = push({ type: 'break' }, i, i + (char === '\r' && text[i + 1] === '\n' ? 2 : 1));
    } else if (text.startsWith('```', i)) {
      if (fence !== -1 && fence < i + 3) fence = text.indexOf('```', i + 3);
      if (fence > i + 3) {
        // A block's first and last line breaks belong to its fences.
        const code = text.slice(i + 3, fence).replace(/^\r?\n|\r?\n$/g, '');
        i = push({ type: 'mono', text: code }, i, fence + 3);
      } else {
        i += 3;
      }
    } else if (char === '`') {
      if (lineEnd < i) lineEnd = indexOfLineEnd(text, i);
      if (tick !== text.length && tick < i + 2) {
        tick = i + 2;
        while (tick < text.length && !closesTick(text, tick)) tick++;
      }
      const opens = !isWord(text[i - 1]) && !isSpace(text[i + 1]) && text[i + 1] !== '`';
      if (opens && tick < lineEnd) {
        i = push({ type: 'mono', text: text.slice(i + 1, tick) }, i, tick + 1);
      } else {
        i++;
      }
    } else if (char in STYLES) {
      const canOpen = !isWord(text[i - 1]) && i + 1 < text.length && !isSpace(text[i + 1]);
      const canClose = i > 0 && !isSpace(text[i - 1]) && !isWord(text[i + 1]);
      i = push({ type: 'marker', char, canOpen, canClose }, i, i + 1);
    } else {
      const link = /[hmw]/i.test(char) && !blocksLink(text[i - 1]) ? findLink(text, i) : undefined;
      if (link?.href) {
        i = push({ type: 'link', href: link.href, text: text.slice(i, link.end) }, i, link.end);
      } else {
        // A candidate that is not a valid link stays text, as a whole, and is not scanned again.
        i = link ? Math.max(link.end, i + 1) : i + 1;
      }
    }
  }
  if (plainFrom < text.length) tokens.push({ type: 'text', text: text.slice(plainFrom) });
  return tokens;
}

function indexOfLineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/**
 * Pairs markers within each line: a closer takes the nearest open marker of its kind, and the
 * open markers of other kinds after that one stay text, so styles nest and never cross. One
 * stack per kind keeps it linear.
 */
function pairMarkers(tokens: Token[]): void {
  const open: Record<string, number[]> = { '*': [], _: [], '~': [] };
  tokens.forEach((token, index) => {
    if (token.type === 'break') {
      for (const stack of Object.values(open)) stack.length = 0;
      return;
    }
    if (token.type !== 'marker') return;
    const stack = open[token.char]!;
    const opener = stack.at(-1);
    // `opener < index - 1`: a style holds something.
    if (token.canClose && opener !== undefined && opener < index - 1) {
      stack.pop();
      (tokens[opener] as Marker).closer = index;
      for (const other of Object.values(open)) {
        while (other.length > 0 && other.at(-1)! > opener) other.pop();
      }
    } else if (token.canOpen) {
      stack.push(index);
    }
  });
}

function appendText(nodes: MessageNode[], text: string): void {
  const last = nodes.at(-1);
  if (last?.type === 'text') nodes[nodes.length - 1] = { type: 'text', text: last.text + text };
  else nodes.push({ type: 'text', text });
}

/**
 * Parses a message's WhatsApp-style formatting into nodes: `*bold*`, `_italic_`, `~strike~`,
 * `` `mono` `` and ```` ```blocks``` ````, line breaks, and http, https, mailto and `www.` links.
 * Markers count at word boundaries only (`snake_case`, `2*3*4` stay as written), hug their text,
 * and do not span lines. Nothing is ever turned into HTML: the nodes carry plain strings.
 */
export function parseMessage(text: string): MessageNode[] {
  const tokens = tokenize(text);
  pairMarkers(tokens);
  const root: MessageNode[] = [];
  const open: { children: MessageNode[]; closer: number }[] = [];
  let children = root;
  tokens.forEach((token, index) => {
    if (token.type === 'text') {
      appendText(children, token.text);
    } else if (token.type !== 'marker') {
      children.push(token);
    } else if (open.at(-1)?.closer === index) {
      open.pop();
      children = open.at(-1)?.children ?? root;
    } else if (token.closer !== undefined) {
      const node: StyleNode = { type: STYLES[token.char]!, children: [] };
      children.push(node);
      open.push({ children: node.children, closer: token.closer });
      children = node.children;
    } else {
      appendText(children, token.char);
    }
  });
  return root;
}
