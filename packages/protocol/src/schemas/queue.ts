import { z } from 'zod';
import { QUEUE_STRATEGIES } from '../constants.js';
import { Id, Timestamp } from './common.js';

export const QueueStrategy = z.enum(QUEUE_STRATEGIES);
export type QueueStrategy = z.infer<typeof QueueStrategy>;

/** A team or department: conversations wait in it until an agent takes them. */
export const Queue = z.object({
  id: Id,
  siteId: Id,
  name: z.string().min(1).max(120),
  strategy: QueueStrategy,
  /** Agents who take conversations from this queue. */
  memberIds: z.array(Id),
  /** Conversations waiting now. */
  waiting: z.number().int().nonnegative(),
  createdAt: Timestamp,
});
export interface Queue extends z.infer<typeof Queue> {}

/** What a waiting visitor is told, live. */
export const QueuePosition = z.object({
  conversationId: Id,
  /** 1 is next. */
  position: z.number().int().positive(),
  /** From recent waits in this queue; null until there is history. */
  estimatedWaitSeconds: z.number().int().nonnegative().nullable(),
});
export interface QueuePosition extends z.infer<typeof QueuePosition> {}

/** `POST /v1/queues` (admins). */
export const CreateQueueRequest = z.strictObject({
  siteId: Id,
  name: z.string().trim().min(1).max(120),
  strategy: QueueStrategy,
  memberIds: z.array(Id).max(500).default([]),
});
export type CreateQueueRequest = z.input<typeof CreateQueueRequest>;

/** `PATCH /v1/queues/:id` (admins): any of name, strategy, and the full member list. */
export const UpdateQueueRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    strategy: QueueStrategy.optional(),
    memberIds: z.array(Id).max(500).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateQueueRequest = z.infer<typeof UpdateQueueRequest>;
