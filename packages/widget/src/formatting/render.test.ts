import type { TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { renderMessageText, renderNodes } from './render.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function isTemplate(value: unknown): value is TemplateResult {
  return typeof value === 'object' && value !== null && 'strings' in value && 'values' in value;
}

/**
 * What lit would put in the DOM, as markup: the templates' own strings as they are, and every
 * bound value as a text node (escaped) or an attribute value. A value that is neither a string
 * nor a template (a directive such as `unsafeHTML`) fails the test.
 */
function markup(value: unknown): string {
  if (typeof value === 'string') return escape(value);
  if (Array.isArray(value)) return value.map(markup).join('');
  if (!isTemplate(value)) throw new Error(`unexpected value ${String(value)}`);
  return value.strings.reduce((out, string, i) => {
    if (i === 0) return string;
    const bound = value.values[i - 1];
    // An attribute binding: the previous string ends with `name=`.
    const html = /=$/.test(out) ? `"${String(bound)}"` : markup(bound);
    return out + html + string;
  }, '');
}

describe('renderMessageText', () => {
  it('renders each style as its element', () => {
    expect(markup(renderMessageText('a *b* _c_ ~d~ `e`'))).toBe(
      'a <strong>b</strong> <em>c</em> <s>d</s> <code>e</code>',
    );
    expect(markup(renderMessageText('_x *y*_'))).toBe('<em>x <strong>y</strong></em>');
  });

  it('renders line breaks as <br>', () => {
    expect(markup(renderMessageText('one\ntwo'))).toMatch(/^one<br ?\/?>two$/);
  });

  it('opens links in a new tab, without the opener or a referrer', () => {
    expect(markup(renderMessageText('see www.example.com.'))).toBe(
      'see <a href="https://www.example.com/" target="_blank" rel="noopener noreferrer nofollow">www.example.com</a>.',
    );
  });

  it('binds markup in a message as text, never as HTML', () => {
    const text = '<img src=x onerror=alert(1)> *<script>alert(1)</script>* `<svg onload=alert(1)>`';
    expect(markup(renderMessageText(text))).toBe(
      '&lt;img src=x onerror=alert(1)&gt; <strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong> ' +
        '<code>&lt;svg onload=alert(1)&gt;</code>',
    );
  });

  it('renders a link node whose href is not allowed as its text', () => {
    const nodes = [{ type: 'link', href: 'javascript:alert(1)', text: 'click' }] as const;
    expect(markup(renderNodes(nodes))).toBe('click');
  });
});
