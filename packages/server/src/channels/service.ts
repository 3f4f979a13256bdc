// Channel accounts and everything agents do with them: the webhook intake (verify, parse, store,
// answer), templates, and conversations an agent starts. The inbox and outbox workers run here
// too: kicked when there is work, and polled for retries that come due.
import type {
  ChannelAccount,
  ChannelTemplate,
  Conversation,
  CreateChannelAccountRequest,
  Message,
  SendTemplateRequest,
  StartOutboundRequest,
} from '@switchboard/protocol';
import { ZodError } from 'zod';
import type { ChannelAccountRecord, Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { Logger } from '../lib/logger.js';
import type { ConversationService } from '../services/conversations.js';
import type { LifecycleService } from '../services/lifecycle.js';
import type { Viewer } from '../services/viewer.js';
import type { AccountConfigs } from './account-configs.js';
import type { AdapterContext, AdapterRegistry, ChannelAdapter, InboundRequest } from './adapter.js';
import type { InboundProcessor } from './inbound.js';
import type { OutboundWorker } from './outbound.js';
import { contactAtAddress } from './contacts.js';
import { renderTemplate } from './template.js';

export interface WebhookReply {
  status: number;
  contentType: string;
  body: string;
}

export interface ChannelService {
  create(viewer: Viewer, request: CreateChannelAccountRequest): Promise<ChannelAccount>;
  list(viewer: Viewer): Promise<ChannelAccount[]>;
  /** A provider's GET verification handshake. */
  handshake(accountId: string, query: URLSearchParams): Promise<WebhookReply>;
  /**
   * A provider's delivery: verified on the raw bytes, parsed, stored (duplicates dropped) and
   * answered; processing follows in the background. Throws 401/403/400/404 errors, writing nothing.
   */
  receive(accountId: string, request: InboundRequest): Promise<WebhookReply>;
  templates(viewer: Viewer, accountId: string): Promise<ChannelTemplate[]>;
  /** Registers the account's webhook URL with the provider, where its API allows (admins). */
  registerWebhook(viewer: Viewer, accountId: string): Promise<ChannelAccount>;
  sendTemplate(viewer: Viewer, conversationId: string, request: SendTemplateRequest): Promise<Message>;
  /** An agent writes first: the contact (found or created by address), the conversation (theirs), the message. */
  startOutbound(
    viewer: Viewer,
    request: StartOutboundRequest,
  ): Promise<{ conversation: Conversation; message: Message }>;
  /** Processes the inbox and sends the outbox now (tests; the poll does it otherwise). */
  flush(): Promise<void>;
  /** Starts the poll; returns its stop, which settles once the workers' runs in progress have. */
  start(pollMs: number): () => Promise<void>;
}

interface Deps {
  store: Store;
  bus: EventBus;
  adapters: AdapterRegistry;
  inbound: InboundProcessor;
  outbound: OutboundWorker;
  conversations: ConversationService;
  lifecycle: LifecycleService;
  context: AdapterContext;
  configs: AccountConfigs;
  logger: Logger;
  /** The server's public base URL, for the webhook URL shown to admins. */
  publicUrl: () => string | null;
}

const webhookPath = (id: string) => `/v1/channels/${encodeURIComponent(id)}/webhook`;

export function createChannelService(deps: Deps): ChannelService {
  const { store, adapters, logger } = deps;

  const toPublic = (account: ChannelAccountRecord): ChannelAccount => ({
    id: account.id,
    siteId: account.siteId,
    channel: account.channel,
    name: account.name,
    webhookUrl: `${deps.publicUrl() ?? ''}${webhookPath(account.id)}`,
    createdAt: new Date(account.createdAt).toISOString(),
  });

  async function accountWithAdapter(accountId: string) {
    const account = await store.channels.account(accountId);
    const adapter = account && adapters.get(account.channel);
    if (!account || !adapter) throw AppError.notFound('Channel account');
    return { account, adapter, config: deps.configs.of(adapter, account) };
  }

  /** Both workers (the poll); a webhook kicks only the inbox, and each reply its own send. */
  function kick(): void {
    void (async () => {
      await deps.inbound.drain();
      await deps.outbound.drain();
    })().catch((error: unknown) => logger.error('channel workers failed', { error }));
  }

  function kickInbound(): void {
    void deps.inbound.drain().catch((error: unknown) => logger.error('channel inbox failed', { error }));
  }

  // A reply in a channel conversation was committed with its outbox entry: send it now.
  deps.bus.subscribe('message.created', ({ message }) => {
    if (message.delivery?.state === 'pending')
      void deps.outbound.drain().catch((error: unknown) => logger.error('channel send failed', { error }));
  });

  /** The provider's approved templates; its failure is the provider's, not ours (502, not 500). */
  async function templatesOf(adapter: ChannelAdapter<unknown>, config: unknown): Promise<ChannelTemplate[]> {
    if (!adapter.templates) return [];
    try {
      return await adapter.templates(config, deps.context);
    } catch (error) {
      if (error instanceof AppError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('upstream_failed', `Could not list the ${adapter.channel} templates: ${reason}`);
    }
  }

  async function agentOwns(viewer: Viewer, conversationId: string): Promise<Conversation> {
    if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents send templates');
    return deps.conversations.get(viewer, conversationId);
  }

  async function sendTemplate(viewer: Viewer, conversation: Conversation, request: SendTemplateRequest) {
    if (!conversation.channelAccountId)
      throw new AppError('invalid_payload', 'Templates are for channel conversations');
    const { adapter, config } = await accountWithAdapter(conversation.channelAccountId);
    if (!adapter.templates) throw new AppError('invalid_payload', `${adapter.channel} has no templates`);
    const available = await templatesOf(adapter, config);
    const template = { ...request.template, parameters: request.template.parameters ?? [] };
    const match = available.find((t) => t.name === template.name && t.language === template.language);
    if (!match)
      throw new AppError('not_found', `No approved template ${template.name} (${template.language})`);
    if (template.parameters.length !== match.parameterCount) {
      throw new AppError(
        'invalid_payload',
        `Template ${match.name} takes ${match.parameterCount} parameters, not ${template.parameters.length}`,
      );
    }
    return deps.conversations.send(viewer, {
      conversationId: conversation.id,
      clientMessageId: request.clientMessageId,
      text: renderTemplate(match.body, template.parameters),
      template: true,
      channelExtra: { template },
    });
  }

  async function assertAdmin(viewer: Viewer): Promise<void> {
    const agent = viewer.kind === 'agent' ? await store.agents.byId(viewer.agentId) : null;
    if (agent?.role !== 'admin') throw new AppError('forbidden', 'Only admins connect channels');
  }

  return {
    async create(viewer, request) {
      await assertAdmin(viewer);
      if (!(await store.sites.byId(request.siteId))) throw AppError.notFound('Site');
      const adapter = adapters.get(request.channel);
      if (!adapter) throw new AppError('invalid_payload', `The ${request.channel} channel is not available`);
      deps.configs.check(adapter, request.config);
      const account = await store.channels.createAccount({
        siteId: request.siteId,
        channel: request.channel,
        name: request.name,
        config: request.config,
      });
      return toPublic(account);
    },

    async list(viewer) {
      if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents list channels');
      return (await store.channels.accounts()).map(toPublic);
    },

    async handshake(accountId, query) {
      const { adapter, config } = await accountWithAdapter(accountId);
      const answer = adapter.handshake?.(config, query);
      if (!answer) throw new AppError('forbidden', 'Not a valid verification request');
      return { status: answer.status, contentType: 'text/plain; charset=utf-8', body: answer.body };
    },

    async receive(accountId, request) {
      const { account, adapter, config } = await accountWithAdapter(accountId);
      const verdict = await adapter.verify(config, request, deps.context.now());
      if (!verdict.ok) {
        throw new AppError(verdict.status === 401 ? 'invalid_signature' : 'forbidden', verdict.reason);
      }
      let events;
      try {
        events = await adapter.parse(config, request);
      } catch (error) {
        if (error instanceof ZodError) throw AppError.invalid(error, `${account.channel} delivery`);
        throw new AppError(
          'invalid_payload',
          `Not a ${account.channel} delivery: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      await store.channels.receive(
        account.id,
        events.map((event) => ({ externalId: `${event.kind}:${event.externalId}`, event })),
      );
      kickInbound();
      const ack = adapter.acknowledge?.() ?? { contentType: 'application/json', body: '{"ok":true}' };
      return { status: 200, ...ack };
    },

    async templates(viewer, accountId) {
      if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents list templates');
      const { adapter, config } = await accountWithAdapter(accountId);
      return templatesOf(adapter, config);
    },

    async registerWebhook(viewer, accountId) {
      await assertAdmin(viewer);
      const { account, adapter, config } = await accountWithAdapter(accountId);
      if (!adapter.registerWebhook) {
        throw new AppError(
          'invalid_payload',
          `A ${account.channel} webhook is set in the provider's console: see docs/channels/${account.channel}.md`,
        );
      }
      const shown = toPublic(account);
      if (!/^https?:\/\//.test(shown.webhookUrl))
        throw new AppError(
          'invalid_payload',
          'Set SWITCHBOARD_PUBLIC_URL so the provider can reach the webhook',
        );
      try {
        await adapter.registerWebhook(config, shown.webhookUrl, deps.context);
      } catch (error) {
        throw new AppError('upstream_failed', error instanceof Error ? error.message : String(error));
      }
      return shown;
    },

    async sendTemplate(viewer, conversationId, request) {
      return sendTemplate(viewer, await agentOwns(viewer, conversationId), request);
    },

    async startOutbound(viewer, request) {
      if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents start conversations');
      const { account, adapter } = await accountWithAdapter(request.channelAccountId);
      const recipient = adapter.recipient
        ? adapter.recipient(request.to)
        : request.to.trim() === ''
          ? null
          : { address: request.to.trim(), profile: {} };
      if (!recipient)
        throw new AppError('invalid_payload', `${request.to} is not a ${account.channel} address`, [
          { path: 'to', message: 'not an address on this channel' },
        ]);
      const { address } = recipient;
      const known = await store.channels.contactAt(account.id, address);
      // Refused before anything is written: no contact or empty conversation for a text that cannot go.
      const blocked =
        request.template === undefined &&
        adapter.freeFormBlocked?.(known?.lastInboundAt ?? null, deps.context.now());
      if (blocked) throw new AppError('channel_window_closed', blocked);
      const contactId = await contactAtAddress(store, account, address, {
        ...(request.name && { name: request.name }),
        ...recipient.profile,
      });
      // Without a queue, routing leaves it alone until the agent below takes it.
      const { conversation: opened, created } = await store.conversations.openOrCreate({
        siteId: account.siteId,
        contactId,
        channel: account.channel,
        status: 'queued',
        queueId: null,
        channelAccountId: account.id,
        subject: request.subject ?? null,
      });
      if (created) deps.bus.publish('conversation.created', { conversation: opened });
      const conversation =
        opened.assigneeId === viewer.agentId ? opened : await deps.lifecycle.accept(viewer, opened.id);
      const message = request.template
        ? await sendTemplate(viewer, conversation, {
            clientMessageId: request.clientMessageId,
            template: request.template,
          })
        : await deps.conversations.send(viewer, {
            conversationId: conversation.id,
            clientMessageId: request.clientMessageId,
            text: request.text ?? '',
          });
      return { conversation: (await store.conversations.byId(conversation.id)) ?? conversation, message };
    },

    async flush() {
      await deps.inbound.drain();
      await deps.outbound.drain();
    },

    start(pollMs) {
      const timer = setInterval(kick, pollMs);
      timer.unref();
      kick();
      return async () => {
        clearInterval(timer);
        // The store closes next: let a run that is writing finish first.
        await Promise.all([deps.inbound.idle(), deps.outbound.idle()]);
      };
    },
  };
}
