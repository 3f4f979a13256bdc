// The pre-chat form as the chat loads it: a chunk of its own, fetched only for a site that has a
// form, when it is due (see `preChatDue`, which the chat keeps at hand to know when).
import { nothing } from 'lit/html.js';
import { addStyles } from '../element/add-styles.js';
import { inChatFormStyles } from '../chat/in-chat-form.styles.js';
import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import { PreChatController, type PreChatControllerOptions, type PreChatHost } from './pre-chat-controller.js';
import { renderPreChat } from './pre-chat-form.js';
import { preChatStyles } from './pre-chat.styles.js';

export interface PreChatPart {
  readonly controller: PreChatController;
  render(text: Strings): unknown;
}

export function createPreChatPart(
  host: PreChatHost,
  visitor: VisitorController,
  options: PreChatControllerOptions,
): PreChatPart {
  addStyles(host.renderRoot, [inChatFormStyles, preChatStyles]);
  const controller = new PreChatController(host, visitor, options);
  // Made once: lit would otherwise swap the listeners at every render.
  const onInput = (event: Event) => controller.input(event);
  const onConsent = (event: Event) => controller.consent(event);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void controller.submit();
  };
  return {
    controller,
    render(text) {
      const shown = controller.shown();
      return shown
        ? renderPreChat({ ...shown, text: withPartStrings(text), onInput, onConsent, onSubmit })
        : nothing;
    },
  };
}
