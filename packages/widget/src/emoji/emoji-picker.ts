import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ReactiveControllerHost } from 'lit';
import { Lazy } from '../chat/lazy.js';
import type { Strings } from '../i18n/en.js';
import type { EmojiMenu, EmojiMenuHost } from './emoji-menu.js';

/** A smiling face, 24×24. */
const smileIconPath =
  'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-3.5 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm7 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3ZM7.8 14h8.4a4.6 4.6 0 0 1-8.4 0Z';

/**
 * The composer's emoji button. The grid it opens, and what the grid does, load with the first
 * click (see `createEmojiMenu`): most visitors never open it. Choosing an emoji hands it to
 * `insert` (the host puts it at the caret).
 */
export class EmojiPicker {
  private readonly menu: Lazy<EmojiMenu>;

  constructor(host: EmojiMenuHost & ReactiveControllerHost, insert: (emoji: string) => void) {
    this.menu = new Lazy(host, async () => (await import('./emoji-menu.js')).createEmojiMenu(host, insert));
  }

  render(text: Strings, disabled: boolean): TemplateResult {
    const menu = this.menu.value;
    return html`<button
        part="emoji-button"
        type="button"
        aria-label=${text.emoji}
        aria-haspopup="true"
        aria-expanded=${menu?.open ? 'true' : 'false'}
        aria-controls="emoji-picker"
        ?disabled=${disabled}
        @click=${this.toggle}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${smileIconPath}></path></svg>
      </button>
      ${menu?.render(text) ?? nothing}`;
  }

  private readonly toggle = (): void => {
    const menu = this.menu.value;
    if (menu) {
      void menu.toggle();
      return;
    }
    // The first click waits for the grid; without it (offline) the next click tries again.
    this.menu.ready().then(
      (loaded) => loaded.toggle(),
      () => undefined,
    );
  };
}
