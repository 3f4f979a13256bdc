import type { KeyValueStorage } from '@switchboard/agent-sdk';
import type { Message } from '@switchboard/protocol';
import { html, type TemplateResult } from 'lit/html.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Lazy } from '../chat/lazy.js';
import type { Strings } from '../i18n/en.js';
import type { alertOf } from './alert.js';
import { shouldNotify } from './should-notify.js';

/** Where the visitor's choice is kept, beside the SDK's own keys. */
const STORAGE_KEY = 'switchboard:notify';

/** A bell, 24×24. */
const bellIconPath =
  'M12 2a6 6 0 0 0-6 6v3.6L4.3 15a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 11.6V8a6 6 0 0 0-6-6Zm-2.8 16a3 3 0 0 0 5.6 0H9.2Z';

export interface NotifyOptions {
  storage: KeyValueStorage;
  /** Opens the chat when the visitor clicks a notification. */
  onActivate: () => void;
}

/**
 * Sound and a browser notification for new messages while the tab is hidden: off until the
 * visitor turns them on with the header's bell (the click is also the gesture the browser wants
 * before it asks for notification permission or plays a sound). Remembered on this browser.
 */
export class NotifyController implements ReactiveController {
  private enabled: boolean | null = null;
  /** The sound and notification code, fetched once notifications are on. */
  private readonly alert: Lazy<typeof alertOf>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: NotifyOptions,
  ) {
    host.addController(this);
    this.alert = new Lazy(host, async () => (await import('./alert.js')).alertOf);
  }

  hostConnected(): void {}

  /** Read lazily: nothing touches the visitor's storage before the chat is drawn. */
  private get on(): boolean {
    this.enabled ??= this.options.storage.getItem(STORAGE_KEY) === 'on';
    return this.enabled;
  }

  renderToggle(text: Strings): TemplateResult {
    return html`<button
      part="notify-button"
      type="button"
      aria-label=${text.notifications}
      title=${text.notifications}
      aria-pressed=${this.on ? 'true' : 'false'}
      @click=${this.toggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${bellIconPath}></path></svg>
    </button>`;
  }

  /** A message arrived: chime and notify if the visitor asked for it and is looking elsewhere. */
  notify(message: Message, title: string): void {
    if (!this.on || !shouldNotify(message, document.visibilityState === 'hidden')) return;
    // Without the chunk (offline) there is no alert this time; the next message tries again.
    this.alert.ready().then(
      (alertOf) => alertOf(message, title, this.options.onActivate),
      () => undefined,
    );
  }

  private readonly toggle = async (): Promise<void> => {
    this.enabled = !this.on;
    this.host.requestUpdate();
    if (this.enabled) this.options.storage.setItem(STORAGE_KEY, 'on');
    else this.options.storage.removeItem(STORAGE_KEY);
    // Fetched now, so the first message's chime is not late.
    if (this.enabled) this.alert.ready().catch(() => undefined);
    // Asked only now, on the visitor's click; a refusal leaves the sound on.
    if (this.enabled && typeof Notification !== 'undefined' && Notification.permission === 'default')
      await Notification.requestPermission();
  };
}
