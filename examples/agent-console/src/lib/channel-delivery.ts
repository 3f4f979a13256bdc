import type { MessageDelivery } from '@switchboard/protocol';

const LABELS: Record<MessageDelivery['state'], string> = {
  pending: 'Sending…',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not delivered',
};

/**
 * What the agent reads under a reply in a channel conversation (WhatsApp, email…): how the
 * provider's delivery went, with the provider's reason when it failed.
 */
export function channelDeliveryText(delivery: MessageDelivery): string {
  const label = LABELS[delivery.state];
  return delivery.state === 'failed' && delivery.error ? `${label}: ${delivery.error}` : label;
}
