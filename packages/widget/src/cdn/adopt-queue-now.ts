// A module of its own so that it is evaluated before `../define.js` (imports run in order): the
// page's queued `on('ready', …)` is attached, and the styles' nonce set, before the element is defined.
import { createQueueShim } from '../api/adopt-queue.js';

export const element = document.querySelector('switchboard-chat');

// The element gives this nonce (`litNonce`, lit's name for it) to the `<style>` elements it falls
// back to without constructed sheets. Read here, not in the loader, whose bytes are counted; the
// property, as browsers hide the attribute once the page's CSP has read it.
const tag = document.querySelector<HTMLScriptElement>('script[data-site-key]');
if (tag?.nonce) (globalThis as { litNonce?: string }).litNonce ??= tag.nonce;
export const shim = createQueueShim(element ?? new EventTarget(), window.Switchboard);
// From now on calls go to the shim, which keeps queueing them until the element is ready.
(window as { Switchboard?: unknown }).Switchboard = shim.api;
