import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Translation } from '../i18n/en.js';
import type { CardView } from './card-view.js';

export interface CardsOptions {
  cards: readonly CardView[];
  text: Translation;
}

/** A broken image leaves the card to its text rather than showing a broken-image icon. */
function hideImage(event: Event) {
  (event.currentTarget as HTMLImageElement).hidden = true;
}

function renderCard(card: CardView, text: Translation): TemplateResult {
  // The image is decorative (alt=""): the title says what the card is.
  return html`<li part="card">
    ${
      card.imageUrl
        ? html`<img part="card-image" src=${card.imageUrl} alt="" loading="lazy" @error=${hideImage} />`
        : nothing
    }
    <span part="card-title" dir="auto">${card.title}</span>
    ${card.subtitle ? html`<span part="card-subtitle" dir="auto">${card.subtitle}</span>` : nothing}
    ${card.price ? html`<span part="card-price" dir="auto">${card.price}</span>` : nothing}
    ${
      card.href
        ? html`<a part="card-link" href=${card.href} target="_blank" rel="noopener noreferrer nofollow"
            >${text.cardLink}<span class="visually-hidden">: ${card.title} (${text.opensInNewTab})</span></a
          >`
        : nothing
    }
  </li>`;
}

/**
 * A bot message's cards as a horizontal list. The list itself takes focus, so keyboard users
 * scroll it with the arrow keys even when no card has a link.
 */
export function renderCards({ cards, text }: CardsOptions): TemplateResult | typeof nothing {
  if (cards.length === 0) return nothing;
  return html`<ul part="cards" aria-label=${text.cards} tabindex="0">
    ${cards.map((card) => renderCard(card, text))}
  </ul>`;
}
