import { z } from 'zod';
import { Card } from './message.js';

/** The most orders a contact's context carries; the provider lists newest first. */
export const MAX_CONTEXT_ORDERS = 20;
/** The most products a contact's context carries. */
export const MAX_CONTEXT_PRODUCTS = 20;
/** The most lines one order carries. */
export const MAX_ORDER_ITEMS = 50;

/** The shop's own identifier for an order or product: opaque, never shown. */
const ShopId = z.string().trim().min(1).max(200);

/** Text for display only, such as "Shipped" or "€249.00": never parsed. */
const DisplayText = (max: number) => z.string().trim().min(1).max(max);

/** One line of an order. */
export const ContextOrderItem = z.object({
  productId: ShopId,
  title: DisplayText(200),
  quantity: z.number().int().min(1).max(100_000),
});
export type ContextOrderItem = z.infer<typeof ContextOrderItem>;

/**
 * An order of the contact's, as the shop reports it. Objects are not strict: a shop's API may
 * carry more fields than we show, and those are dropped rather than refused.
 */
export const ContextOrder = z.object({
  id: ShopId,
  /** The number the customer knows, e.g. "A123456". */
  number: DisplayText(64).optional(),
  /** The shop's own word for where the order is ("Shipped", "Awaiting payment"). */
  status: DisplayText(40),
  /** A display string such as "€249.00"; never parsed. */
  total: DisplayText(40),
  /** When it was placed: ISO 8601, any offset; stored and sent on in UTC. */
  placedAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString()),
  /** The order in the shop's back office. Same rules as a card's link. */
  url: Card.shape.url,
  items: z.array(ContextOrderItem).max(MAX_ORDER_ITEMS).default([]),
});
export type ContextOrder = z.output<typeof ContextOrder>;

/**
 * A product worth showing beside the conversation (bought, viewed, recommended). Its fields are a
 * card's, under the same rules, so an agent can share any product as a card as it is.
 */
export const ContextProduct = z.object({ id: ShopId, ...Card.shape });
export type ContextProduct = z.output<typeof ContextProduct>;

/**
 * `GET /v1/conversations/:id/context` (agents): what the shop knows about the conversation's
 * contact, from the server's context provider. A contact the shop does not know has empty lists.
 */
export const ContactContext = z.object({
  orders: z.array(ContextOrder).max(MAX_CONTEXT_ORDERS).default([]),
  products: z.array(ContextProduct).max(MAX_CONTEXT_PRODUCTS).default([]),
});
export type ContactContext = z.output<typeof ContactContext>;
