// Plain-text renderings for channels that show neither cards nor long messages: cards become
// lines under the text, and text longer than the provider takes is cut into several messages.
import type { Card } from '@switchboard/protocol';

/** The message's text with each card as a few lines under it. */
export function withCards(text: string, cards: readonly Card[]): string {
  const blocks = cards.map((card) =>
    [
      card.price ? `• ${card.title} — ${card.price}` : `• ${card.title}`,
      card.subtitle,
      // A path on our server means nothing in another app: only absolute links are kept.
      card.url && /^https?:\/\//.test(card.url) ? card.url : undefined,
    ]
      .filter((line) => line !== undefined && line !== '')
      .join('\n'),
  );
  return [text.trim(), ...blocks].filter((part) => part !== '').join('\n\n');
}

/** `text` in parts of at most `max` characters, cut at a line break or a space where there is one. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    // No break in the second half: cut mid-word rather than send a tiny part.
    const at = cut > max / 2 ? cut : max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}
