import { SwitchboardError } from '../errors.js';

/** The protocol numbers a delivery's replies 0 to 9 (`BotMessagePayload.part`). */
export const MAX_REPLIES_PER_DELIVERY = 10;

/**
 * Numbers the replies of one run of the handlers for a delivery: 0, 1, 2… in call order. The
 * server keys each reply by (deliveryId, part), so a run repeated for the same delivery makes the
 * same calls with the same parts and stores nothing twice. That is why a count belongs to a run,
 * not to the delivery: a second run that went on from the first's count would post copies.
 */
export interface ReplyParts {
  /** Takes the next part number, or throws `invalid_payload` once all ten are used. */
  next(): number;
}

export function createReplyParts(): ReplyParts {
  let taken = 0;
  return {
    next() {
      if (taken >= MAX_REPLIES_PER_DELIVERY) {
        throw new SwitchboardError(
          'invalid_payload',
          `A bot may send at most ${MAX_REPLIES_PER_DELIVERY} replies to one visitor message`,
          [{ path: 'part', message: `must be at most ${MAX_REPLIES_PER_DELIVERY - 1}` }],
        );
      }
      return taken++;
    },
  };
}
