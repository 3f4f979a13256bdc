import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { Strings } from '../i18n/en.js';
import { EMOJI, EMOJI_COLUMNS } from './emoji-set.js';

/** A smiling face, 24×24. */
const smileIconPath =
  'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-3.5 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm7 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3ZM7.8 14h8.4a4.6 4.6 0 0 1-8.4 0Z';

/** Where the arrow keys move focus in the grid, or `null` for a key the grid does not handle. */
export function nextIndex(key: string, index: number, count: number, rtl: boolean): number | null {
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  const moves: Record<string, number> = {
    [forward]: index + 1,
    [back]: index - 1,
    ArrowDown: index + EMOJI_COLUMNS,
    ArrowUp: index - EMOJI_COLUMNS,
    Home: 0,
    End: count - 1,
  };
  const target = moves[key];
  if (target === undefined) return null;
  return Math.min(count - 1, Math.max(0, target));
}

interface Host extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The composer's emoji button and the grid it opens. Choosing an emoji hands it to `insert` (the
 * host puts it at the caret) and closes the grid; Escape closes it without leaving the chat.
 */
export class EmojiPicker implements ReactiveController {
  private open = false;

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
      ${
        this.open
          ? html`<div
              part="emoji-picker"
              id="emoji-picker"
              role="group"
              aria-label=${text.emoji}
              @keydown=${this.onKeydown}
              @focusout=${this.onFocusOut}
            >
              ${EMOJI.map(
                (emoji, index) =>
                  html`<button
                    part="emoji-option"
                    type="button"
                    tabindex=${index === 0 ? '0' : '-1'}
                    @click=${() => this.choose(emoji)}
                  >
                    ${emoji}
                  </button>`,
              )}
            </div>`
          : nothing
      }`;
  }

  private readonly toggle = async (): Promise<void> => {
    this.open = !this.open;
    this.host.requestUpdate();
    if (!this.open) return;
    await this.host.updateComplete;
    this.options()[0]?.focus();
  };

  private close(focusButton: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    if (focusButton) this.host.renderRoot.querySelector<HTMLElement>('[part~="emoji-button"]')?.focus();
  }

  private choose(emoji: string): void {
    this.close(false);
    this.insert(emoji);
  }

  private options(): HTMLButtonElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="emoji-option"]')];
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // The grid, not the whole panel, closes.
      event.stopPropagation();
      this.close(true);
      return;
    }
    const options = this.options();
    const index = options.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const rtl = getComputedStyle(options[index]!).direction === 'rtl';
    const next = nextIndex(event.key, index, options.length, rtl);
    if (next === null) return;
    event.preventDefault();
    options[index]!.tabIndex = -1;
    options[next]!.tabIndex = 0;
    options[next]!.focus();
  };

  /** Tabbing or clicking away closes the grid, as a menu would. */
  private readonly onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    const picker = event.currentTarget as HTMLElement;
    if (to && picker.contains(to)) return;
    if (to instanceof HTMLElement && to.matches('[part~="emoji-button"]')) return;
    this.close(false);
  };
}
