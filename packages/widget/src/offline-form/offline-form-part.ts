// The offline form as the chat loads it: a chunk of its own, fetched when a message first offers
// it (see `currentOfflineForm`, which the chat keeps at hand to know when).
import { nothing } from 'lit/html.js';
import { addStyles } from '../element/add-styles.js';
import { inChatFormStyles } from '../chat/in-chat-form.styles.js';
import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import { renderOfflineForm } from './offline-form.js';
import { OfflineFormController, type OfflineFormHost } from './offline-form-controller.js';
import { offlineFormStyles } from './offline-form.styles.js';

export interface OfflineFormPart {
  render(text: Strings): unknown;
}

export function createOfflineFormPart(
  host: OfflineFormHost,
  visitor: VisitorController,
  onSent: () => void,
): OfflineFormPart {
  addStyles(host.renderRoot, [inChatFormStyles, offlineFormStyles]);
  const controller = new OfflineFormController(host, visitor, onSent);
  // Made once: lit would otherwise swap the listeners at every render.
  const onInput = (event: Event) => controller.input(event);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void controller.submit();
  };
  return {
    render(text) {
      const shown = controller.shown();
      return shown
        ? renderOfflineForm({ ...shown, text: withPartStrings(text), onInput, onSubmit })
        : nothing;
    },
  };
}
