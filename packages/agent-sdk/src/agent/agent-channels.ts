// Channels from the agent's side: the connected provider accounts, WhatsApp's approved
// templates, and conversations an agent starts on a channel. REST calls; what they create
// goes into the state at once (the broadcasts that follow are then no news).
import type {
  ChannelAccount,
  ChannelTemplate,
  Conversation,
  Message,
  StartOutboundRequest,
  TemplateMessage,
} from '@switchboard/protocol';
import { ulid } from '@switchboard/protocol';
import type { HttpClient } from '../core/http.js';

/** `StartOutboundRequest` without the id the SDK mints. */
export type OutboundConversationRequest = Omit<StartOutboundRequest, 'clientMessageId'> & {
  /** @default a new ULID */
  clientMessageId?: string;
};

export interface ChannelControls {
  /** The connected channel accounts (WhatsApp numbers, Telegram bots, mailboxes…). */
  listChannels(this: void): Promise<ChannelAccount[]>;
  /** A channel account's approved templates (WhatsApp); empty for channels without them. */
  listTemplates(this: void, channelAccountId: string): Promise<ChannelTemplate[]>;
  /**
   * Sends an approved template into a channel conversation: what WhatsApp allows once its
   * 24-hour window has closed (a free-form `sendMessage` then fails with `channel_window_closed`).
   * `not_found` for a template the account does not have; `invalid_payload` for the wrong number
   * of parameters.
   */
  sendTemplate(
    this: void,
    conversationId: string,
    template: TemplateMessage,
    options?: { clientMessageId?: string },
  ): Promise<Message>;
  /**
   * Starts a conversation on a channel with a contact by address (a phone number for WhatsApp,
   * an email address for email): the contact is found or created, the conversation is yours,
   * and `text` or `template` is its first message. WhatsApp needs a template for a contact who
   * has not written in the last 24 hours (`channel_window_closed` otherwise).
   */
  startConversation(
    this: void,
    request: OutboundConversationRequest,
  ): Promise<{ conversation: Conversation; message: Message }>;
}

export interface ChannelControlsOptions {
  http: HttpClient;
  applyConversation: (conversation: Conversation) => void;
  applyMessage: (message: Message) => void;
}

export function createChannelControls({
  http,
  applyConversation,
  applyMessage,
}: ChannelControlsOptions): ChannelControls {
  return {
    listChannels: () => http.request({ method: 'GET', path: '/v1/channels' }),

    listTemplates: (channelAccountId) =>
      http.request({ method: 'GET', path: `/v1/channels/${encodeURIComponent(channelAccountId)}/templates` }),

    async sendTemplate(conversationId, template, options = {}) {
      const message = await http.request<Message>({
        method: 'POST',
        path: `/v1/conversations/${encodeURIComponent(conversationId)}/template`,
        body: { clientMessageId: options.clientMessageId ?? ulid(), template },
      });
      applyMessage(message);
      return message;
    },

    async startConversation(request) {
      const started = await http.request<{ conversation: Conversation; message: Message }>({
        method: 'POST',
        path: '/v1/conversations/outbound',
        body: { ...request, clientMessageId: request.clientMessageId ?? ulid() },
      });
      applyConversation(started.conversation);
      applyMessage(started.message);
      return started;
    },
  };
}
