// The script-tag entry:
//   <script type="module" src="https://chat.example.com/widget/loader.js" data-site-key="pk_…"></script>
// It stays tiny: it draws a placeholder launcher at once and loads the element (lit, the SDK,
// its socket) when the browser is idle, or right away when the visitor clicks.
import { launcherLabel } from '../launcher/launcher.js';
import { findLoaderScript, resolveLoaderConfig } from './loader-config.js';
import { drawPlaceholder } from './placeholder.js';
import { whenIdle } from './when-idle.js';

const TAG = 'switchboard-chat';

let loading: Promise<unknown> | undefined;

/** Loads and defines the element, which then takes `window.Switchboard` and its queued calls over. */
function loadElement(): Promise<unknown> {
  loading ??= import('./define.js').catch((error: unknown) => {
    loading = undefined; // a later click may try again
    throw error;
  });
  return loading;
}

function start(): void {
  const config = resolveLoaderConfig(
    findLoaderScript(document.querySelectorAll<HTMLScriptElement>('script[src]'), import.meta.url),
    import.meta.url,
    document.baseURI,
  );
  // Pages may write the element themselves (to place or configure it); its attributes win.
  let chat = document.querySelector(TAG);
  if (!chat) {
    chat = document.createElement(TAG);
    document.body.append(chat);
  }
  if (!chat.hasAttribute('site-key')) {
    if (!config.siteKey) {
      console.warn('[switchboard] data-site-key missing');
      return;
    }
    chat.setAttribute('site-key', config.siteKey);
  }
  if (!chat.hasAttribute('server-url')) chat.setAttribute('server-url', config.serverUrl);
  drawPlaceholder(chat, launcherLabel, (button) => {
    button.setAttribute('aria-busy', 'true');
    // Queued like a page's own call, so the element opens as soon as it has loaded.
    (window.Switchboard ??= []).push(['open']);
    loadElement().catch((error: unknown) => {
      button.removeAttribute('aria-busy'); // so that another click tries again
      console.error(error);
    });
  });
  whenIdle(() => {
    // Failing here is quiet: a click on the placeholder tries again and reports.
    loadElement().catch(() => {});
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
