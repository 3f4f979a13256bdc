// The rating prompt as the chat loads it: a chunk of its own, fetched once a conversation is
// resolved.
import { nothing } from 'lit/html.js';
import { addStyles } from '../element/add-styles.js';
import { inChatFormStyles } from '../chat/in-chat-form.styles.js';
import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import { renderCsat } from './csat.js';
import { CsatController, type CsatHost } from './csat-controller.js';
import { csatStyles } from './csat.styles.js';

export interface CsatPart {
  render(text: Strings): unknown;
}

export function createCsatPart(host: CsatHost, visitor: VisitorController, onRated: () => void): CsatPart {
  addStyles(host.renderRoot, [inChatFormStyles, csatStyles]);
  const controller = new CsatController(host, visitor, onRated);
  // Made once: lit would otherwise swap the listeners at every render.
  const onChoose = (event: Event) => controller.choose(Number((event.target as HTMLInputElement).value));
  const onComment = (event: Event) => controller.comment((event.target as HTMLTextAreaElement).value);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void controller.submit();
  };
  return {
    render(text) {
      const view = controller.shown();
      return view
        ? renderCsat({ view, text: withPartStrings(text), onChoose, onComment, onSubmit })
        : nothing;
    },
  };
}
