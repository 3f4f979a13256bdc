import { z } from 'zod';
import { AGENT_ROLES, AGENT_STATUSES } from '../constants.js';
import { Id, Timestamp } from './common.js';

export const AgentRole = z.enum(AGENT_ROLES);
export type AgentRole = z.infer<typeof AgentRole>;

export const AgentStatus = z.enum(AGENT_STATUSES);
export type AgentStatus = z.infer<typeof AgentStatus>;

/** A human (or bot account) who answers conversations. Never carries credentials. */
export const Agent = z.object({
  id: Id,
  email: z.email().max(320),
  name: z.string().min(1).max(120),
  role: AgentRole,
  status: AgentStatus,
  /** Maximum number of conversations the agent owns at once. */
  capacity: z.number().int().min(0).max(100),
  /** Routing sends an agent only conversations whose required skills they all have. */
  skills: z.array(z.string().min(1).max(40)).max(50),
  avatarUrl: z.string().max(2048).nullable(),
  createdAt: Timestamp,
});
export type Agent = z.infer<typeof Agent>;

/** An agent with what they carry right now: for transfer pickers and presence lists. */
export const AgentPresence = Agent.extend({
  /** Conversations they own now (active or pending). */
  load: z.number().int().nonnegative(),
});
export type AgentPresence = z.infer<typeof AgentPresence>;

/** `PATCH /v1/agents/:id` (admins): routing attributes of an agent. */
export const UpdateAgentRequest = z
  .strictObject({
    skills: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
    capacity: z.number().int().min(0).max(100).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateAgentRequest = z.infer<typeof UpdateAgentRequest>;
