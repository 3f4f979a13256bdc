// The channel part of the storage contract (see store.ts): provider accounts, who each address
// is, the inbox of provider deliveries and the outbox of replies to send.
import type { BridgedChannel, Message } from '@switchboard/protocol';

/** A provider account as the server keeps it: `config` holds its secrets. */
export interface ChannelAccountRecord {
  id: string;
  siteId: string;
  channel: BridgedChannel;
  name: string;
  config: Record<string, unknown>;
  createdAt: number;
}

/** A stored inbound event waiting to be processed (or done). */
export interface InboxItem {
  id: number;
  accountId: string;
  externalId: string;
  event: unknown;
  attempts: number;
  nextAttemptAt: number;
}

/** A message waiting in the channel outbox. */
export interface OutboxItem {
  id: number;
  messageId: string;
  conversationId: string;
  accountId: string;
  extra: Record<string, unknown> | null;
  attempts: number;
}

export type OutboxOutcome =
  | { state: 'sent'; externalId: string }
  | { state: 'pending'; error: string; nextAttemptAt: number }
  | { state: 'failed'; error: string };

export interface ChannelStore {
  createAccount(account: Omit<ChannelAccountRecord, 'id' | 'createdAt'>): Promise<ChannelAccountRecord>;
  account(id: string): Promise<ChannelAccountRecord | null>;
  /** Oldest first; a site's only with `siteId`. */
  accounts(siteId?: string): Promise<ChannelAccountRecord[]>;
  /** Stores the events, dropping ones already stored (same account and external id); how many were new. */
  receive(accountId: string, events: readonly { externalId: string; event: unknown }[]): Promise<number>;
  /** Pending inbound events whose time has come, in arrival order. */
  dueInbound(now: number, limit: number): Promise<InboxItem[]>;
  /** Marks an event done, failed for good, or due again at `retryAt`. */
  settleInbound(
    id: number,
    outcome: { state: 'done' } | { state: 'failed' | 'pending'; error: string; retryAt?: number },
  ): Promise<void>;
  /** The contact behind a provider address, if one was linked. */
  contactAt(
    accountId: string,
    address: string,
  ): Promise<{ contactId: string; lastInboundAt: number | null } | null>;
  /** Links an address to a contact (first writer wins) and returns the linked contact id. */
  linkContact(accountId: string, address: string, contactId: string): Promise<string>;
  /** Stamps when the address last wrote (WhatsApp's window); an earlier time leaves it as it is. */
  touchInbound(accountId: string, address: string, at: number): Promise<void>;
  /** The contact's address on the account (for replies). */
  addressOf(
    accountId: string,
    contactId: string,
  ): Promise<{ address: string; lastInboundAt: number | null } | null>;
  /** The message with this provider id among the account's conversations. */
  messageByExternalId(accountId: string, externalIds: readonly string[]): Promise<Message | null>;
  /** One message by id (the outbox sends from it). */
  message(id: string): Promise<Message | null>;
  /** The provider ids of a conversation's messages, oldest first (email References). */
  externalIds(conversationId: string): Promise<string[]>;
  /** The oldest pending outbox entry of each conversation whose time has come. */
  dueOutbound(now: number, limit: number): Promise<OutboxItem[]>;
  /**
   * Records a send attempt's outcome on the entry and the message (`delivery`, and the provider's
   * id when sent) in one transaction; the message as it now is.
   */
  settleOutbound(item: OutboxItem, outcome: OutboxOutcome, at: number): Promise<Message | null>;
  /**
   * Moves a sent message's delivery state forward (never back; `failed` only from pending or
   * sent); the message when it changed, else null.
   */
  advanceDelivery(
    messageId: string,
    state: 'sent' | 'delivered' | 'read' | 'failed',
    error: string | null,
    at: number,
  ): Promise<Message | null>;
}
