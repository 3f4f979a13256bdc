// The emoji picker's grid and its opening and closing: a chunk of its own, fetched when the
// visitor first clicks the emoji button (see `EmojiPicker`).
import { nothing, type TemplateResult } from 'lit/html.js';
import type { ReactiveControllerHost } from 'lit';
import type { Strings } from '../i18n/en.js';
import { createEmojiGrid } from './emoji-grid.js';

export interface EmojiMenuHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface EmojiMenu {
  /** Whether the grid is showing. */
  readonly open: boolean;
  /** Opens the grid with focus on its first emoji, or closes it. */
  toggle(): Promise<void>;
  /** The grid while it is open. */
  render(text: Strings): TemplateResult | typeof nothing;
}

/**
 * Choosing an emoji hands it to `insert` and closes the grid; Escape closes it, focus back on the
 * emoji button, without closing the chat; tabbing or clicking away closes it too.
 */
export function createEmojiMenu(host: EmojiMenuHost, insert: (emoji: string) => void): EmojiMenu {
  let open = false;
  const focusFirst = (selector: string) => host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  const close = (focusButton: boolean) => {
    if (!open) return;
    open = false;
    host.requestUpdate();
    if (focusButton) focusFirst('[part~="emoji-button"]');
  };
  const grid = createEmojiGrid({
    root: host.renderRoot,
    onChoose: (emoji) => {
      close(false);
      insert(emoji);
    },
    onClose: close,
  });
  return {
    get open() {
      return open;
    },
    async toggle() {
      open = !open;
      host.requestUpdate();
      if (!open) return;
      await host.updateComplete;
      focusFirst('[part~="emoji-option"]');
    },
    render: (text) => (open ? grid.render(text) : nothing),
  };
}
