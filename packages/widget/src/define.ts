import { SwitchboardChat } from './chat/chat.js';

// Guarded: the script-tag loader and an npm import may both run on one page.
if (!customElements.get('switchboard-chat')) customElements.define('switchboard-chat', SwitchboardChat);

export { SwitchboardChat };
