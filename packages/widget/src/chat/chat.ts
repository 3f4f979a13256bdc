import {
  createVisitorClient,
  type VisitorClient,
  type VisitorClientOptions,
} from '@switchboard/agent-sdk/visitor-lite';
import type { Attachment, Attributes, Message } from '@switchboard/protocol';
import { html, nothing } from 'lit/html.js';
import type { SwitchboardEventHandler, SwitchboardEventName } from '../api/event-map.js';
import { IntegratorController } from '../api/integrator-controller.js';
import { renderAttachButton } from '../attachments/attach-button.js';
import { carriesFiles, droppedFiles, pastedFiles } from '../attachments/transfer.js';
import type { SwitchboardUser } from '../api/user-profile.js';
import { renderComposer } from '../composer/composer.js';
import { NotifyController } from '../notify/notify-controller.js';
import { EmojiPicker } from '../emoji/emoji-picker.js';
import { SwitchboardCloseEvent } from '../events/close.js';
import { SwitchboardMessageReceiveEvent } from '../events/message-receive.js';
import { SwitchboardMessageSendEvent } from '../events/message-send.js';
import { SwitchboardOpenEvent } from '../events/open.js';
import { renderHeaderIdentity } from '../header/header.js';
import { headerStatus } from '../header/header-status.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { launcherIconPath } from '../launcher/launcher.js';
import { groupMessages } from '../message-list/group-messages.js';
import { activityText } from '../message-list/activity-text.js';
import { renderMessageList, retryButtonId } from '../message-list/message-list.js';
import { ownReceipt } from '../message-list/own-receipt.js';
import { renderTypingIndicator } from '../message-list/typing-indicator.js';
import { conversationEnded } from '../new-conversation/conversation-ended.js';
import { currentOfflineForm } from '../offline-form/current-offline-form.js';
import { preChatDue } from '../pre-chat/pre-chat-due.js';
import { currentQuickReplies } from '../quick-replies/current-quick-replies.js';
import { renderQuickReplies } from '../quick-replies/quick-replies.js';
import { createWebStorage } from '../storage/web-storage.js';
import type { ChatPosition, ChatTheme } from '../theme/theme.js';
import { ReadController } from '../visitor/read-controller.js';
import { SiteController } from '../visitor/site-controller.js';
import { VisitorController } from '../visitor/visitor-controller.js';
import { chatStyles } from './chat.styles.js';
import {
  ReactiveElement,
  type PropertyDeclarations,
  type PropertyValues,
} from '../element/reactive-element.js';
import { absoluteUrl } from './absolute-url.js';
import { connectionNotice } from './connection-notice.js';
import { Lazy } from './lazy.js';
import { focusedControl, returnFocus } from './return-focus.js';

/** A cross, 24×24. */
const closeIconPath =
  'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4 6.4 5Z';

/** Within this many pixels of the bottom, the list follows new messages. */
const PINNED_SLACK_PX = 48;

/** Within this many pixels of the top, older messages are loaded. */
const LOAD_OLDER_SLACK_PX = 64;

/**
 * The dark theme (`theme="dark"`, or `theme="auto"` on a system that prefers dark) sets the colour
 * properties below on the element itself, so a page overrides them with rules on
 * `switchboard-chat` or `switchboard-chat[theme='dark']`; values inherited from an ancestor only
 * reach the light theme. On screens at most 480px wide the open panel covers the viewport.
 *
 * @summary A launcher button and chat panel through which a site's visitors talk to its bot and
 * agents in real time. The conversation survives reloads. No request is made before the visitor
 * opens the chat (which reads the site's public settings: its pre-chat form, whether the team is
 * in), and nothing is stored in the browser before they send a message or the pre-chat form.
 *
 * @attr {string} site-key - The site's public key (`pk_…`).
 * @attr {string} server-url - Where the Switchboard server listens, e.g. `https://chat.example.com`.
 * @attr {string} heading - The header's title; defaults to the site's name, else "Chat".
 * @attr {boolean} open - Whether the panel is open; reflected.
 * @attr {'light' | 'dark' | 'auto'} theme=light - The colour scheme; `auto` follows the system's. Reflected.
 * @attr {'right' | 'left'} position=right - The bottom corner for the launcher and the panel. Reflected.
 * @attr {string} locale - The language as a BCP 47 tag (`es`, `es-MX` is served by `es`): English,
 * Spanish, German or Arabic (right to left), else English. Defaults to the browser's languages.
 *
 * @event {SwitchboardOpenEvent} switchboard-open - The panel opened.
 * @event {SwitchboardCloseEvent} switchboard-close - The panel closed.
 * @event {SwitchboardMessageSendEvent} switchboard-message-send - The visitor is about to send a
 * message (`detail.text`, and `detail.attachments`, the files going with it). Cancelable:
 * `preventDefault()` keeps it from being sent.
 * @event {SwitchboardMessageReceiveEvent} switchboard-message-receive - A message from an agent, a
 * bot or the system arrived.
 * @event {SwitchboardReadyEvent} switchboard-ready - The element rendered; its methods act at once.
 * @event {SwitchboardConversationStartEvent} switchboard-conversation-start - A conversation began
 * (new, reopened, or resumed after a reload); `detail.conversation`.
 * @event {SwitchboardConversationEndEvent} switchboard-conversation-end - The conversation was
 * resolved or abandoned; `detail.status`, `detail.reason`.
 * @event {SwitchboardHandoffEvent} switchboard-handoff - A person took the conversation over from
 * the bot; `detail.reason`.
 * @event {SwitchboardConnectionChangeEvent} switchboard-connection-change - The connection changed
 * state; `detail.connection`.
 * @event {SwitchboardUnreadChangeEvent} switchboard-unread-change - The count of messages received
 * while closed changed; `detail.count`.
 * @event {SwitchboardErrorEvent} switchboard-error - Something stopped the chat from working, or
 * the site refused the user given to `setUser`; `detail.error`.
 *
 * @csspart launcher - The round button that opens and closes the panel.
 * @csspart badge - The count of messages received while the panel was closed.
 * @csspart panel - The chat panel.
 * @csspart header - The panel's top bar.
 * @csspart title - The site's name in the header.
 * @csspart header-text - The title with, under it, the status and the away notice.
 * @csspart header-avatar - Who answers: the bot's robot, the agent's picture or initials, or the team's initials.
 * @csspart header-avatar-bot - The avatar while the bot answers.
 * @csspart header-avatar-image - The assigned agent's picture, when they have one.
 * @csspart header-status - Under the title: the bot, the agent's name (the support team until it
 * is known), the visitor's place in the queue (with the expected wait when known) or "We're away"
 * (a polite live region).
 * @csspart header-notice - Outside business hours: when the team will reply.
 * @csspart header-reopens - In that notice, when the team is next in ("We're back Monday at
 * 9:00 AM."), on the visitor's clock and in their language.
 * @csspart notify-button - The header's bell: sound and a browser notification for new messages
 * while the tab is hidden, off until the visitor turns it on (`aria-pressed`).
 * @csspart close-button - The header's close button.
 * @csspart banner - The connection notice (reconnecting, offline, unavailable, not set up): a status
 * region that stays in place, hidden while there is nothing to say, so screen readers hear it change.
 * @csspart messages - The scrolling message list.
 * @csspart empty - The greeting shown while the conversation is empty.
 * @csspart group - Consecutive messages by one author.
 * @csspart group-self - A group of the visitor's messages.
 * @csspart group-other - A group of messages from an agent or a bot.
 * @csspart group-system - A group of system notices.
 * @csspart author - The author label above a group from an agent or a bot.
 * @csspart author-agent - The label of an agent's group: their name, once their profile arrived.
 * @csspart author-avatar - The agent's picture (or initials) in that label.
 * @csspart author-avatar-image - The picture, when the agent has one.
 * @csspart author-bot - The label of a bot's group, with a robot icon so a bot is never taken for a person.
 * @csspart message - One message bubble.
 * @csspart message-self - A message written by the visitor.
 * @csspart message-other - A message from an agent or a bot.
 * @csspart message-emoji - A message of one to three emoji only, shown large without a bubble.
 * @csspart activity - A line between messages: an agent joined, a transfer, the conversation ended or reopened.
 * @csspart message-system - A system notice in the conversation.
 * @csspart message-pending - A message sent but not yet acknowledged by the server.
 * @csspart message-failed - A message the server refused.
 * @csspart message-status - The "not delivered" note under a failed message, or the delivery
 * state under the visitor's latest message.
 * @csspart message-status-sent - "Sent": the server stored the visitor's latest message.
 * @csspart message-status-delivered - "Delivered": it reached the console of the agent who has the
 * conversation, or the bot, unread so far.
 * @csspart message-status-read - "Read": an agent has seen the visitor's latest message.
 * @csspart typing-indicator - Animated dots and "Support is typing…" after the messages while an
 * agent or the bot types (a polite live region; hidden otherwise).
 * @csspart retry-button - Sends a failed message, or the offline form, again.
 * @csspart discard-button - Drops a failed message.
 * @csspart quick-replies - The bot's suggested answers under its latest message (a labelled group).
 * @csspart quick-reply - One suggested answer; choosing it sends its text as the visitor's message.
 * @csspart cards - A bot message's cards (products, articles): a labelled list that scrolls sideways
 * and takes focus, so the arrow keys scroll it.
 * @csspart card - One card.
 * @csspart card-image - A card's picture; decorative, and hidden when it fails to load.
 * @csspart card-title - A card's title.
 * @csspart card-subtitle - The line under a card's title.
 * @csspart card-price - A card's price, as the bot wrote it.
 * @csspart card-link - Opens the card's page in a new tab.
 * @csspart pre-chat - The site's pre-chat form, shown before the visitor's first conversation
 * while the composer waits: its fields, the first message and a consent box, as the site set them.
 * @csspart pre-chat-intro - The site's line above the pre-chat form's fields.
 * @csspart pre-chat-field - A label, its field and its error.
 * @csspart pre-chat-label - A field's label (and the consent box's text).
 * @csspart pre-chat-required - The mark after the label of a required field.
 * @csspart pre-chat-input - A text field of the pre-chat form.
 * @csspart pre-chat-error - Why a field (or the consent box) was refused; the field points to it.
 * @csspart pre-chat-consent - The consent box with its text and the privacy-policy link.
 * @csspart pre-chat-consent-checkbox - The consent box itself.
 * @csspart pre-chat-consent-link - The site's privacy policy (https only), opened in a new tab.
 * @csspart pre-chat-status - The note that the chat could not be started (an alert).
 * @csspart pre-chat-submit - Starts the chat (a retry after a failure), disabled while sending.
 * @csspart offline-form - The form offered when nobody can answer: name, email and message.
 * @csspart offline-form-field - A label, its field and its error.
 * @csspart offline-form-label - A field's label.
 * @csspart offline-form-required - The mark after the label of a required field.
 * @csspart offline-form-input - A text field of the offline form.
 * @csspart offline-form-error - Why a field was refused.
 * @csspart offline-form-status - The note that the form could not be sent, with a retry button.
 * @csspart offline-form-submit - The offline form's send button, disabled while sending.
 * @csspart offline-form-sent - The thanks that replaces the offline form once it is sent.
 * @csspart csat - The rating prompt (CSAT) shown once the conversation is resolved.
 * @csspart csat-title - The prompt's question.
 * @csspart csat-scores - The five stars, a radio group.
 * @csspart csat-score - One star (a radio button labelled "4 of 5").
 * @csspart csat-score-filled - The chosen star and those before it.
 * @csspart csat-comment-label - The comment's label.
 * @csspart csat-comment - The optional comment.
 * @csspart csat-error - Why the rating was not sent: no star chosen, or the server refused it.
 * @csspart csat-submit - The prompt's send button, disabled while sending.
 * @csspart csat-thanks - The thanks that replaces the prompt once the conversation is rated.
 * @csspart new-conversation - Once the conversation was resolved or abandoned: starts a new one.
 * @csspart attachments - The files under a message (a labelled list).
 * @csspart attachments-self - The files of a message written by the visitor.
 * @csspart attachments-other - The files of a message from an agent or a bot.
 * @csspart attachments-system - The files of a system notice.
 * @csspart attachments-pending - The files of a message not yet stored by the server (dimmed).
 * @csspart attachment - One file under a message.
 * @csspart attachment-image-link - An image's preview: opens the full image in a new tab.
 * @csspart attachment-image - The image itself, at most `--switchboard-attachment-max-height` high.
 * @csspart attachment-audio - A sound file's player (native controls).
 * @csspart attachment-video - A video's player (native controls).
 * @csspart attachment-file - The download link of a file (also under a sound or a video).
 * @csspart attachment-name - The file's name in its link, shown as text.
 * @csspart attachment-size - The file's size in its link.
 * @csspart composer - The form at the bottom of the panel.
 * @csspart attach-button - The composer's paper clip: picks files to send (also dropped on the
 * panel or pasted).
 * @csspart attachment-tray - Above the composer: the files waiting to be sent, and why any were refused.
 * @csspart attachment-error - Why files were refused before uploading (too large, a type the server
 * does not take, too many); an alert.
 * @csspart attachment-drafts - The list of files waiting to be sent.
 * @csspart attachment-draft - One of them.
 * @csspart attachment-draft-uploading - A waiting file still uploading.
 * @csspart attachment-draft-ready - A waiting file uploaded, ready to send.
 * @csspart attachment-draft-failed - A waiting file whose upload failed; it is not sent.
 * @csspart attachment-thumbnail - A waiting file's preview (an uploaded image) or icon.
 * @csspart attachment-draft-name - A waiting file's name.
 * @csspart attachment-draft-size - A waiting file's size.
 * @csspart attachment-draft-error - Why a file could not be uploaded; an alert.
 * @csspart attachment-progress - An upload's progress bar.
 * @csspart attachment-remove - Takes a file out of the next message (cancelling its upload).
 * @csspart drop-zone - Covers the panel while files are dragged over it.
 * @csspart composer-input - The message text field.
 * @csspart emoji-button - The composer's emoji button.
 * @csspart emoji-picker - The grid of emoji it opens (arrow keys move, Escape closes).
 * @csspart emoji-option - One emoji in the grid.
 * @csspart send-button - The send button.
 *
 * @cssproperty --switchboard-accent=#4f46e5 - Launcher, header, the visitor's messages and the send button.
 * @cssproperty --switchboard-accent-contrast=#fff - Text and icons on the accent colour.
 * @cssproperty --switchboard-background=#fff - The panel's background.
 * @cssproperty --switchboard-text=#111827 - The panel's text.
 * @cssproperty --switchboard-muted=#6b7280 - Secondary text: author labels, notices, the greeting.
 * @cssproperty --switchboard-border=#e5e7eb - Separators and the text field's border.
 * @cssproperty --switchboard-bubble-background=#f1f5f9 - Messages from agents and bots.
 * @cssproperty --switchboard-bubble-text=#111827 - Text of messages from agents and bots.
 * @cssproperty --switchboard-bubble-radius=16px - Corner radius of message bubbles.
 * @cssproperty --switchboard-danger=#dc2626 - Failed messages and the unread badge.
 * @cssproperty --switchboard-danger-contrast=#fff - The unread badge's count.
 * @cssproperty --switchboard-warning-background=#fef3c7 - The connection banner's background.
 * @cssproperty --switchboard-warning-text=#92400e - The connection banner's text.
 * @cssproperty --switchboard-font-family=system-ui - The widget's font.
 * @cssproperty --switchboard-radius=16px - The panel's corner radius.
 * @cssproperty --switchboard-panel-width=370px - The panel's width on wide screens.
 * @cssproperty --switchboard-panel-height=600px - The panel's greatest height.
 * @cssproperty --switchboard-offset=20px - Distance from the viewport's bottom and side edges.
 * @cssproperty --switchboard-z-index=2147483000 - Stacking order over the page.
 * @cssproperty --switchboard-attachment-max-height=240px - The greatest height of an image or a video under a message.
 */
export class SwitchboardChat extends ReactiveElement {
  static override styles = chatStyles;

  static override properties: PropertyDeclarations = {
    siteKey: { attribute: 'site-key' },
    serverUrl: { attribute: 'server-url' },
    heading: {},
    open: { type: Boolean, reflect: true },
    // Reflected: the styles select on them (`:host([theme='dark'])`).
    theme: { reflect: true },
    position: { reflect: true },
    locale: {},
    draft: { state: true },
    unread: { state: true },
  };

  /** The site's public key (`pk_…`), safe to ship in page HTML. */
  declare siteKey: string;
  /** Where the Switchboard server listens, e.g. `https://chat.example.com`. */
  declare serverUrl: string;
  /** The header's title. Defaults to the site's name once the server has told it, else "Chat". */
  declare heading: string;
  /** Whether the panel is open. */
  declare open: boolean;
  /** The colour scheme. Any other value is `light`. */
  declare theme: ChatTheme;
  /** The corner for the launcher and the panel. Any other value is `right`. */
  declare position: ChatPosition;
  /**
   * The language, as a BCP 47 tag; empty for the browser's. Languages other than English load on
   * demand, meanwhile the widget stays in English (see `setLocale`).
   */
  declare locale: string;

  declare protected draft: string;
  declare protected unread: number;

  protected readonly visitor = new VisitorController(this, {
    onReceive: (message) => this.receive(message),
  });

  // The site is read when the chat first opens.
  protected readonly site = new SiteController(this, this.visitor, () => this.open);

  // What many visitors never see is loaded when first needed (see `Lazy`). Once a form or the
  // rating is sent, it is gone with its focused button: carry on in the composer.
  protected readonly offlineForm = new Lazy(this, async () =>
    (await import('../offline-form/offline-form-part.js')).createOfflineFormPart(this, this.visitor, () =>
      this.composerInput()?.focus(),
    ),
  );

  protected readonly preChat = new Lazy(this, async () =>
    (await import('../pre-chat/pre-chat-part.js')).createPreChatPart(this, this.visitor, {
      isOpen: () => this.open,
      user: () => this.integrator.identity,
      onSent: () => this.composerInput()?.focus(),
    }),
  );

  protected readonly csat = new Lazy(this, async () =>
    (await import('../csat/csat-part.js')).createCsatPart(this, this.visitor, () =>
      this.composerInput()?.focus(),
    ),
  );

  // The button is gone with the ended conversation: carry on in the composer.
  protected readonly newConversation = new Lazy(this, async () =>
    (await import('../new-conversation/new-conversation-part.js')).createNewConversationPart(
      this,
      this.visitor,
      () => this.composerInput()?.focus(),
    ),
  );

  // Only outside business hours.
  protected readonly awayNotice = new Lazy(
    this,
    async () => (await import('../header/away-notice.js')).renderAwayNotice,
  );

  protected readonly i18n = new LocaleController(this);
  protected readonly notifications = new NotifyController(this, {
    storage: createWebStorage(),
    onActivate: () => this.show(),
  });
  protected readonly emoji = new EmojiPicker(this, (emoji) => void this.insertIntoDraft(emoji));

  // Files for the next message: uploading from the moment they are picked, dropped or pasted.
  protected readonly attachments = new Lazy(this, async () =>
    (await import('../attachments/attachments-part.js')).createAttachmentsPart(this, this.visitor, {
      text: () => ({ strings: this.i18n.strings, lang: this.i18n.lang }),
      onRemoved: () => this.composerInput()?.focus(),
    }),
  );

  // Files and cards under messages.
  protected readonly media = new Lazy(this, async () =>
    (await import('../message-list/message-media.js')).createMessageMedia(this),
  );

  // Read receipts only while the visitor can see the conversation.
  protected readonly reads = new ReadController(this, this.visitor, () => this.open);

  protected readonly integrator = new IntegratorController(this, this.visitor, {
    unread: () => this.unread,
    rebuildClient: () => this.visitor.setClient(this.configuredClient()),
  });

  private pinnedToBottom = true;
  /** While older messages load: the scroll position, as a distance from the bottom, to keep. */
  private keptFromBottom: number | null = null;
  /** Files are being dragged over the panel. */
  private dragging = false;

  constructor() {
    super();
    this.siteKey = '';
    this.serverUrl = '';
    this.heading = '';
    this.open = false;
    this.theme = 'light';
    this.position = 'right';
    this.locale = '';
    this.draft = '';
    this.unread = 0;
  }

  /** Switches the language, as setting `locale` does; settles once the widget shows it. */
  setLocale(locale: string): Promise<void> {
    this.locale = locale;
    return this.i18n.settled();
  }

  /** Opens the panel. */
  show(): void {
    this.open = true;
  }

  /** Closes the panel. */
  hide(): void {
    this.open = false;
  }

  /** Opens the panel if it is closed, else closes it. */
  toggle(): void {
    this.open = !this.open;
  }

  /**
   * Names your site's logged-in user, whose contact then holds the conversation. Nothing is sent
   * before the visitor interacts: the user goes with the first session request. Once a session
   * exists the visitor is signed in at once (SDK `identify()`); a refusal (a wrong
   * `identifierHash`) dispatches `switchboard-error`.
   */
  setUser(user: SwitchboardUser): Promise<void> {
    return this.integrator.setUser(user);
  }

  /**
   * Adds attributes (flat scalars) to the contact, replacing stored values of the same keys. The
   * server keeps attributes only for a named user, so for an anonymous visitor they are held in
   * the page and sent with the next `setUser()`.
   */
  setAttributes(attributes: Attributes): Promise<void> {
    return this.integrator.setAttributes(attributes);
  }

  /** Forgets the visitor (session, conversation, user, attributes), e.g. on logout. */
  reset(): void {
    this.integrator.reset();
    this.draft = '';
    this.unread = 0;
  }

  /** Listens to an event by its name without `switchboard-` (`ready`, `message-send`, …). */
  on<Name extends SwitchboardEventName>(name: Name, handler: SwitchboardEventHandler<Name>): void {
    this.addEventListener(`switchboard-${name}`, handler as EventListener);
  }

  /** Stops listening, as `removeEventListener` does. */
  off<Name extends SwitchboardEventName>(name: Name, handler: SwitchboardEventHandler<Name>): void {
    this.removeEventListener(`switchboard-${name}`, handler as EventListener);
  }

  /**
   * Builds the SDK client for the current `siteKey` and `serverUrl`. Subclasses may override it to
   * pass further SDK options.
   */
  protected createClient(options: VisitorClientOptions): VisitorClient {
    return createVisitorClient(options);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // The script-tag loader may already have drawn a placeholder launcher in an open shadow root
    // of this element, which is then reused; start from an empty one.
    const root = super.createRenderRoot() as ShadowRoot;
    root.replaceChildren();
    root.adoptedStyleSheets = [];
    return root;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('siteKey') || changed.has('serverUrl')) this.visitor.setClient(this.configuredClient());
    if (this.open) this.unread = 0;
    const list = this.messageList();
    if (list) this.pinnedToBottom = list.scrollHeight - list.scrollTop - list.clientHeight <= PINNED_SLACK_PX;
  }

  protected override updated(changed: PropertyValues): void {
    // The first render reports the initial value as a change from `undefined`; only real
    // changes are announced.
    const opened = changed.has('open') && changed.get('open') !== undefined;
    const list = this.messageList();
    if (list && this.keptFromBottom !== null) list.scrollTop = list.scrollHeight - this.keptFromBottom;
    else if (list && this.open && (this.pinnedToBottom || opened)) list.scrollTop = list.scrollHeight;
    if (!opened) return;
    if (this.open) {
      (this.preChat.value?.controller.firstField() ?? this.composerInput())?.focus();
      this.dispatchEvent(new SwitchboardOpenEvent());
    } else {
      this.dispatchEvent(new SwitchboardCloseEvent());
    }
  }

  protected override render() {
    const state = this.visitor.state;
    const configured = this.visitor.client !== null;
    const notice = configured ? connectionNotice(state) : 'notConfigured';
    const { strings } = this.i18n;
    const title = this.heading || state.site?.name || strings.title;
    const serverUrl = absoluteUrl(this.serverUrl);
    const status = headerStatus(state);
    const quickReplies = currentQuickReplies(state.messages, state.pending, state.conversation?.status);
    // Whether each lazily loaded part is due decides whether to fetch it; once it is there, it
    // decides for itself what to draw.
    const preChatNeeded = preChatDue(state, this.integrator.identity) !== null;
    const preChat = this.preChat.get(preChatNeeded);
    const offlineForm = this.offlineForm.get(
      currentOfflineForm(state.messages, state.contact?.email, null) !== null,
    );
    const csat = this.csat.get(state.conversation?.status === 'resolved');
    const newConversation = this.newConversation.get(conversationEnded(state.conversation?.status));
    // A drag of files over the panel fetches the file tray, whose drop zone covers the panel.
    const attachments = this.attachments.get(this.dragging);
    const media = this.media.get(
      state.messages.some(
        (message) => (message.attachments?.length ?? 0) > 0 || (message.cards?.length ?? 0) > 0,
      ) || state.pending.some((message) => message.attachments.length > 0),
    );
    return html`<div
        part="panel"
        id="panel"
        role="dialog"
        aria-label=${title}
        lang=${this.i18n.lang}
        dir=${this.i18n.dir}
        ?hidden=${!this.open}
        @keydown=${this.onPanelKeydown}
        @dragenter=${this.onDragOver}
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
        @paste=${this.onPaste}
      >
        <div part="header">
          ${renderHeaderIdentity({
            title,
            status,
            awayNotice: this.awayNotice.get(status?.kind === 'away'),
            text: strings,
            serverUrl,
            lang: this.i18n.lang,
          })}
          ${this.notifications.renderToggle(strings)}
          <button part="close-button" type="button" aria-label=${strings.close} @click=${this.closeFromPanel}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${closeIconPath}></path></svg>
          </button>
        </div>
        <div part="banner" role="status" ?hidden=${notice === null}>${notice ? strings[notice] : ''}</div>
        ${renderMessageList({
          groups: groupMessages(state.messages, state.pending, {
            activity: state.activity.map((line) => ({
              key: line.id,
              text: activityText(line, strings),
              createdAt: line.createdAt,
            })),
          }),
          text: strings,
          timeFormat: this.i18n.timeFormat,
          serverUrl,
          agents: state.agents,
          lang: this.i18n.lang,
          attachmentUrl: (attachment) => this.visitor.client?.attachmentUrl(attachment) ?? '',
          onMediaLoad: this.onMediaLoad,
          onScroll: this.onMessagesScroll,
          onRetry: (key) => void this.retry(key),
          onDiscard: (key) => void this.discard(key),
          receipt: ownReceipt(state.messages, state),
          media,
          footer: [
            preChat?.render(strings),
            renderTypingIndicator(state.agentTyping, strings),
            quickReplies
              ? renderQuickReplies({
                  replies: quickReplies.quickReplies,
                  text: strings,
                  onChoose: (value) => this.chooseQuickReply(value),
                })
              : nothing,
            offlineForm?.render(strings),
            csat?.render(strings),
            newConversation?.render(strings),
          ],
        })}
        ${attachments?.renderTray(strings, this.i18n.lang)}
        ${renderComposer({
          value: this.draft,
          // The pre-chat form comes first: it starts the conversation.
          disabled: !configured || preChatNeeded || (preChat?.controller.shown() ?? null) !== null,
          text: strings,
          onInput: this.onInput,
          onKeydown: this.onComposerKeydown,
          onSubmit: this.onSubmit,
          onBlur: this.onComposerBlur,
          before: [
            renderAttachButton({
              text: strings,
              disabled: !configured,
              accept: state.site?.uploads.contentTypes.join(',') ?? '',
              onPick: this.onFilesPicked,
            }),
            this.emoji.render(strings, !configured),
          ],
          canSend:
            !attachments?.controller.uploading &&
            (this.draft.trim() !== '' || (attachments?.controller.ready.length ?? 0) > 0),
        })}
        ${this.dragging ? attachments?.renderDropZone(strings) : nothing}
      </div>
      <button
        part="launcher"
        type="button"
        lang=${this.i18n.lang}
        aria-label=${
          this.open
            ? strings.close
            : this.unread > 0
              ? strings.openUnread.replace('{count}', String(this.unread))
              : strings.open
        }
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${this.onLauncherClick}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d=${this.open ? closeIconPath : launcherIconPath}></path>
        </svg>
        ${this.unread > 0 && !this.open ? html`<span part="badge">${this.unread > 9 ? '9+' : this.unread}</span>` : nothing}
      </button>`;
  }

  private configuredClient(): VisitorClient | null {
    if (!this.siteKey || !this.serverUrl) return null;
    const identity = this.integrator.identity;
    return this.createClient({
      siteKey: this.siteKey,
      serverUrl: this.serverUrl,
      storage: createWebStorage(),
      ...(identity && { identity }),
    });
  }

  private messageList(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[part~="messages"]') ?? null;
  }

  private composerInput(): HTMLTextAreaElement | null {
    return this.renderRoot?.querySelector<HTMLTextAreaElement>('[part~="composer-input"]') ?? null;
  }

  private receive(message: Message): void {
    if (!this.open) this.unread++;
    const state = this.visitor.state;
    const author = message.authorId ? state.agents[message.authorId]?.name : undefined;
    const { strings } = this.i18n;
    this.notifications.notify(
      message,
      author ??
        (message.authorKind === 'bot' ? strings.bot : this.heading || state.site?.name || strings.title),
    );
    this.dispatchEvent(new SwitchboardMessageReceiveEvent(message));
  }

  /** Sends the visitor's message unless a listener cancels it; returns whether it went. */
  private sendText(text: string, attachments: readonly Attachment[] = []): boolean {
    const client = this.visitor.client;
    if ((!text && attachments.length === 0) || !client) return false;
    if (!this.dispatchEvent(new SwitchboardMessageSendEvent(text, attachments))) return false;
    this.pinnedToBottom = true;
    client.setTyping(false);
    // Through the outbox: a failure shows in the store (a failed message, or `error`), and a page
    // must never see an unhandled rejection from its chat widget.
    client
      .sendMessage(text, { attachmentIds: attachments.map((attachment) => attachment.id) })
      .catch(() => null);
    return true;
  }

  private send(): void {
    const attachments = this.attachments.value?.controller;
    // Files still uploading go with the message once they are up: wait for them.
    if (attachments?.uploading) return;
    if (!this.sendText(this.draft.trim(), attachments?.ready)) return;
    attachments?.clear();
    this.draft = '';
    // A click on the send button leaves focus there, and the now empty composer disables it.
    this.composerInput()?.focus();
  }

  /**
   * Sends a failed message again. Its buttons go while it is on its way: should it fail again,
   * focus returns to its Retry; once it went, focus carries on in the composer.
   */
  private async retry(key: string): Promise<void> {
    const used = focusedControl(this.renderRoot);
    // Under the same client message id; a failure shows as the failed message again.
    await this.visitor.client?.retryMessage(key).catch(() => null);
    await this.updateComplete;
    returnFocus(
      this.renderRoot,
      used,
      () => (this.renderRoot as ShadowRoot).getElementById(retryButtonId(key)) ?? this.composerInput(),
    );
  }

  /** Drops a failed message, and its focused button with it: focus carries on in the composer. */
  private async discard(key: string): Promise<void> {
    const used = focusedControl(this.renderRoot);
    this.visitor.client?.discardMessage(key);
    await this.updateComplete;
    returnFocus(this.renderRoot, used, () => this.composerInput());
  }

  private chooseQuickReply(value: string): void {
    // The buttons go once the message is pending; focus would otherwise fall out of the panel.
    if (this.sendText(value)) this.composerInput()?.focus();
  }

  // Listeners below are bound by lit to this element (`host` render option).

  private onLauncherClick(): void {
    this.open = !this.open;
  }

  private onPanelKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.closeFromPanel();
  }

  /** Closes the panel and, since focus was in it, hands focus to the launcher. */
  private closeFromPanel(): void {
    this.hide();
    this.renderRoot.querySelector<HTMLElement>('[part~="launcher"]')?.focus();
  }

  private onMessagesScroll(event: Event): void {
    const list = event.currentTarget as HTMLElement;
    const client = this.visitor.client;
    if (
      this.keptFromBottom !== null ||
      list.scrollTop > LOAD_OLDER_SLACK_PX ||
      !client ||
      !this.visitor.state.hasOlder
    )
      return;
    this.keptFromBottom = list.scrollHeight - list.scrollTop;
    void client
      .loadOlder()
      .catch(() => false)
      .finally(() => {
        // After the render that shows them, so the position holds through it.
        void this.updateComplete.then(() => (this.keptFromBottom = null));
      });
  }

  private onInput(event: InputEvent): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.visitor.client?.setTyping(this.draft.trim() !== '');
  }

  /** Puts `text` at the caret (over the selection), as typing it would, and returns focus there. */
  private async insertIntoDraft(text: string): Promise<void> {
    const input = this.composerInput();
    const start = input?.selectionStart ?? this.draft.length;
    const end = input?.selectionEnd ?? start;
    this.draft = this.draft.slice(0, start) + text + this.draft.slice(end);
    await this.updateComplete;
    input?.focus();
    input?.setSelectionRange(start + text.length, start + text.length);
    this.visitor.client?.setTyping(true);
  }

  private onComposerBlur(): void {
    this.visitor.client?.setTyping(false);
  }

  private onComposerKeydown(event: KeyboardEvent): void {
    // Enter sends, Shift+Enter breaks the line; Enter that confirms an IME composition does neither.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.send();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.send();
  }

  /** An image or video loaded and grew the list: stay at the bottom if the visitor was there. */
  private onMediaLoad(): void {
    const list = this.messageList();
    if (list && this.pinnedToBottom) list.scrollTop = list.scrollHeight;
  }

  /** Adds files to the next message, once the file tray has loaded. */
  private addFiles(files: File[]): void {
    if (files.length === 0) return;
    this.attachments.ready().then(
      (part) => part.controller.add(files),
      () => undefined,
    );
  }

  private onFilesPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.addFiles(Array.from(input.files ?? []));
    // Picking the same file again must fire another change.
    input.value = '';
  }

  private onDragOver(event: DragEvent): void {
    if (!carriesFiles(event)) return;
    // Lets the drop happen here rather than the browser opening the file.
    event.preventDefault();
    this.setDragging(true);
  }

  private onDragLeave(event: DragEvent): void {
    const panel = event.currentTarget as HTMLElement;
    if (!panel.contains(event.relatedTarget as Node | null)) this.setDragging(false);
  }

  private onDrop(event: DragEvent): void {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    this.setDragging(false);
    this.addFiles(droppedFiles(event));
  }

  private onPaste(event: ClipboardEvent): void {
    const files = pastedFiles(event);
    if (files.length === 0) return;
    event.preventDefault();
    this.addFiles(files);
  }

  private setDragging(dragging: boolean): void {
    if (dragging === this.dragging) return;
    this.dragging = dragging;
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'switchboard-chat': SwitchboardChat;
  }
}
