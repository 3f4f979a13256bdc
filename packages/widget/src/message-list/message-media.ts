// What a message may carry besides text, as the chat loads it: files (previews, players, links)
// and a bot's cards. A chunk of its own, fetched with the first message that has either.
import type { ReactiveControllerHost } from 'lit';
import { addStyles } from '../element/add-styles.js';
import { withPartStrings } from '../i18n/en-parts.js';
import { renderAttachmentList } from '../attachments/attachment-list.js';
import { attachmentListStyles } from '../attachments/attachment-list.styles.js';
import { toCardViews } from '../cards/card-view.js';
import { renderCards } from '../cards/cards.js';
import { cardsStyles } from '../cards/cards.styles.js';
import type { MessageListOptions, MessageMedia } from './message-list.js';
import type { MessageRow, MessageSide } from './group-messages.js';

export function createMessageMedia(
  host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
): MessageMedia {
  addStyles(host.renderRoot, [attachmentListStyles, cardsStyles]);
  return {
    render: (row: MessageRow, side: MessageSide, options: MessageListOptions) => {
      const text = withPartStrings(options.text);
      return [
        renderAttachmentList({
          attachments: row.attachments,
          side,
          pending: row.status !== 'sent',
          text,
          lang: options.lang,
          url: options.attachmentUrl,
          onMediaLoad: options.onMediaLoad,
        }),
        renderCards({ cards: toCardViews(row.cards, options.serverUrl), text }),
      ];
    },
  };
}
