import { html, type TemplateResult } from 'lit/html.js';
import { safeHref } from './link.js';
import { parseMessage, type MessageNode } from './parse.js';

// Every string below reaches the page through a lit binding: a child binding makes a text node and
// an attribute binding sets an attribute, so nothing a message holds is ever parsed as HTML.

function renderNode(node: MessageNode): TemplateResult | string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'bold':
      return html`<strong>${node.children.map(renderNode)}</strong>`;
    case 'italic':
      return html`<em>${node.children.map(renderNode)}</em>`;
    case 'strike':
      return html`<s>${node.children.map(renderNode)}</s>`;
    case 'mono':
      return html`<code>${node.text}</code>`;
    case 'link': {
      // Checked again here, so that a node built by hand can never carry a script URL either.
      const href = safeHref(node.href);
      return href
        ? html`<a href=${href} target="_blank" rel="noopener noreferrer nofollow">${node.text}</a>`
        : node.text;
    }
    case 'break':
      return html`<br />`;
  }
}

/** Renders nodes from `parseMessage` as lit templates. */
export function renderNodes(nodes: readonly MessageNode[]): TemplateResult {
  return html`${nodes.map(renderNode)}`;
}

/** A message's text with its formatting and links, as lit templates; see `parseMessage`. */
export function renderMessageText(text: string): TemplateResult {
  return renderNodes(parseMessage(text));
}
