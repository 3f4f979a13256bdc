import type { Card } from '@switchboard/protocol';
import { safeHref } from '../formatting/link.js';
import { resolveCardUrl } from './card-url.js';

/** A card as drawn: text as given, URLs resolved and checked again (the server is not trusted blindly). */
export interface CardView {
  title: string;
  subtitle: string | undefined;
  price: string | undefined;
  /** An absolute https URL, or one on the Switchboard server; undefined when there is none or it is unsafe. */
  imageUrl: string | undefined;
  /** An absolute http(s) URL, opened in a new tab; undefined when there is none or it is unsafe. */
  href: string | undefined;
}

/** `serverUrl` should be absolute; the widget passes it resolved against the page. */
export function toCardViews(cards: readonly Card[] | undefined, serverUrl: string): CardView[] {
  return (cards ?? []).map((card) => {
    const href = resolveCardUrl(card.url, serverUrl, ['http:', 'https:']);
    return {
      title: card.title,
      subtitle: card.subtitle || undefined,
      price: card.price || undefined,
      imageUrl: resolveCardUrl(card.imageUrl, serverUrl, ['https:']),
      // The message formatter's own check too, so links in cards and in text follow one rule.
      href: href ? safeHref(href) : undefined,
    };
  });
}
