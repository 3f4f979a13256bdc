// The script-tag build's lazily loaded chunk (`chunks/define-*.js`): the page's queued calls, the
// element, and the full `window.Switchboard`. The import order matters (see adopt-queue-now.ts).
import { element, shim } from './adopt-queue-now.js';
import '../define.js';
import type { SwitchboardChat } from '../chat/chat.js';
import { installSwitchboardGlobal } from '../api/global.js';

// The queued calls run once the element has rendered, as a page's own calls would: `open` then
// opens a drawn panel and announces it with `switchboard-open`.
if (element) {
  const chat = element;
  void customElements
    .whenDefined('switchboard-chat')
    .then(() => (chat as Partial<SwitchboardChat>).updateComplete)
    .then(() => installSwitchboardGlobal(shim.api, chat, shim.queue));
}
