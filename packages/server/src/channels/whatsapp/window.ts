// WhatsApp's customer-service window: a business may write freely for 24 hours after the
// customer's last message; after that (or before they ever wrote) only approved templates go.
export const WINDOW_MS = 24 * 60 * 60 * 1000;

export function windowBlocks(lastInboundAt: number | null, now: number): string | null {
  if (lastInboundAt !== null && now - lastInboundAt < WINDOW_MS) return null;
  return lastInboundAt === null
    ? 'This contact has not written to you on WhatsApp yet, so WhatsApp only accepts an approved template. Send one of the channel’s templates instead.'
    : 'More than 24 hours have passed since this contact last wrote on WhatsApp, so WhatsApp only accepts an approved template until they write again. Send one of the channel’s templates instead.';
}
