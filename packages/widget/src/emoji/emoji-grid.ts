// The emoji grid, a chunk of its own: fetched when the visitor first opens the picker.
import { html, type TemplateResult } from 'lit/html.js';
import { addStyles } from '../element/add-styles.js';
import type { Strings } from '../i18n/en.js';
import { emojiGridStyles } from './emoji-grid.styles.js';

/**
 * The picker's emoji: the ones support chats actually use (feelings, thanks, yes and no, orders
 * and payments), not the whole of Unicode. The system font draws them, so they cost no images.
 */
export const EMOJI = [
  '😀',
  '😂',
  '😊',
  '😍',
  '😉',
  '😅',
  '🤔',
  '😎',
  '😮',
  '😢',
  '😭',
  '😡',
  '🙏',
  '👍',
  '👎',
  '👏',
  '🙌',
  '💪',
  '👋',
  '🤝',
  '❤️',
  '💔',
  '🎉',
  '✨',
  '🔥',
  '✅',
  '❌',
  '⭐',
  '💡',
  '📦',
  '🚚',
  '💳',
] as const;

/** The picker's grid is this many emoji wide; arrow keys move by one or by a row. */
export const EMOJI_COLUMNS = 8;

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

export interface EmojiGridOptions {
  /** The host's shadow root, which receives the grid's styles. */
  root: HTMLElement | DocumentFragment;
  /** An emoji was chosen. */
  onChoose: (emoji: string) => void;
  /** Escape (`focusButton`), or focus left the grid for something other than the picker's button. */
  onClose: (focusButton: boolean) => void;
}

export interface EmojiGrid {
  render(text: Strings): TemplateResult;
}

const options = (grid: HTMLElement) => [
  ...grid.querySelectorAll<HTMLButtonElement>('[part~="emoji-option"]'),
];

export function createEmojiGrid({ root, onChoose, onClose }: EmojiGridOptions): EmojiGrid {
  addStyles(root, [emojiGridStyles]);
  // Made once: lit would otherwise swap the listeners at every render.
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // The grid, not the whole panel, closes.
      event.stopPropagation();
      onClose(true);
      return;
    }
    const buttons = options(event.currentTarget as HTMLElement);
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const rtl = getComputedStyle(buttons[index]!).direction === 'rtl';
    const next = nextIndex(event.key, index, buttons.length, rtl);
    if (next === null) return;
    event.preventDefault();
    buttons[index]!.tabIndex = -1;
    buttons[next]!.tabIndex = 0;
    buttons[next]!.focus();
  };
  // Tabbing or clicking away closes the grid, as a menu would.
  const onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    const grid = event.currentTarget as HTMLElement;
    if (to && grid.contains(to)) return;
    if (to instanceof HTMLElement && to.matches('[part~="emoji-button"]')) return;
    onClose(false);
  };
  const choices = EMOJI.map((emoji) => ({ emoji, onClick: () => onChoose(emoji) }));
  return {
    render: (text) =>
      html`<div
        part="emoji-picker"
        id="emoji-picker"
        role="group"
        aria-label=${text.emoji}
        @keydown=${onKeydown}
        @focusout=${onFocusOut}
      >
        ${choices.map(
          ({ emoji, onClick }, index) =>
            html`<button
              part="emoji-option"
              type="button"
              tabindex=${index === 0 ? '0' : '-1'}
              @click=${onClick}
            >
              ${emoji}
            </button>`,
        )}
      </div>`,
  };
}
