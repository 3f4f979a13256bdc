// The composer's paper clip: drawn with the chat, while what it leads to (the tray of files and
// the uploads) is loaded with the first file, or the first drag of files over the panel.
import { html, type TemplateResult } from 'lit/html.js';
import type { Strings } from '../i18n/en.js';
import { attachIconPath } from './icons.js';

export interface AttachButtonOptions {
  text: Strings;
  disabled: boolean;
  /** The file picker's `accept`: the server's types, once known. */
  accept: string;
  onPick: (event: Event) => void;
}

/** The composer's paper clip, and the file input it opens (hidden: the button is what people use). */
export function renderAttachButton({ text, disabled, accept, onPick }: AttachButtonOptions): TemplateResult {
  const open = (event: Event) =>
    (event.currentTarget as HTMLElement).parentElement
      ?.querySelector<HTMLInputElement>('input[type="file"]')
      ?.click();
  return html`<span class="attach">
    <button
      part="attach-button"
      type="button"
      aria-label=${text.attach}
      title=${text.attach}
      ?disabled=${disabled}
      @click=${open}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${attachIconPath}></path></svg>
    </button>
    <input
      type="file"
      multiple
      hidden
      tabindex="-1"
      accept=${accept}
      ?disabled=${disabled}
      @change=${onPick}
    />
  </span>`;
}
