import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Strings } from '../i18n/en.js';
import type { EmojiGrid } from './emoji-grid.js';

/** A smiling face, 24×24. */
const smileIconPath =
  'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-3.5 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm7 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3ZM7.8 14h8.4a4.6 4.6 0 0 1-8.4 0Z';

interface Host extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The composer's emoji button and the grid it opens (loaded with the first click). Choosing an
 * emoji hands it to `insert` (the host puts it at the caret) and closes the grid; Escape closes
 * it without leaving the chat.
 */
export class EmojiPicker implements ReactiveController {
  private open = false;
  private grid: EmojiGrid | null = null;

  constructor(
    private readonly host: Host,
    private readonly insert: (emoji: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  render(text: Strings, disabled: boolean): TemplateResult {
    return html`<button
        part="emoji-button"
        type="button"
        aria-label=${text.emoji}
        aria-haspopup="true"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="emoji-picker"
        ?disabled=${disabled}
        @click=${this.toggle}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${smileIconPath}></path></svg>
      </button>
      ${this.open && this.grid ? this.grid.render(text) : nothing}`;
  }

  private readonly toggle = async (): Promise<void> => {
    if (!this.open) this.grid ??= await this.loadGrid();
    this.open = !this.open;
    this.host.requestUpdate();
    if (!this.open) return;
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[part~="emoji-option"]')?.focus();
  };

  private async loadGrid(): Promise<EmojiGrid> {
    const { createEmojiGrid } = await import('./emoji-grid.js');
    return createEmojiGrid({
      root: this.host.renderRoot,
      onChoose: (emoji) => {
        this.close(false);
        this.insert(emoji);
      },
      onClose: (focusButton) => this.close(focusButton),
    });
  }

  private close(focusButton: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    if (focusButton) this.host.renderRoot.querySelector<HTMLElement>('[part~="emoji-button"]')?.focus();
  }
}
