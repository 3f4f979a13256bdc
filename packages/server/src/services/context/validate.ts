import { ContactContext, MAX_CONTEXT_ORDERS, MAX_CONTEXT_PRODUCTS } from '@switchboard/protocol/schemas';
import { unavailable } from './source.js';

/**
 * A provider's answer as a `ContactContext`: null (an unknown contact) is empty lists. A shop
 * with a long history is no error: lists come newest first, and the first ones are kept.
 */
export function toContactContext(answer: unknown): ContactContext {
  if (answer === null) return { orders: [], products: [] };
  const parsed = ContactContext.safeParse(firstOnly(answer));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? ` (${issue.path.join('.') || '(root)'}: ${issue.message})` : '';
  throw unavailable(`The context provider answered with an invalid context${where}`);
}

function firstOnly(answer: unknown): unknown {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return answer;
  const { orders, products } = answer as Record<string, unknown>;
  return {
    ...answer,
    ...(Array.isArray(orders) && { orders: orders.slice(0, MAX_CONTEXT_ORDERS) }),
    ...(Array.isArray(products) && { products: products.slice(0, MAX_CONTEXT_PRODUCTS) }),
  };
}
