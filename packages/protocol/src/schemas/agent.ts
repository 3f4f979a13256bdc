import { z } from 'zod';
import { AGENT_ROLES, AGENT_STATUSES } from '../constants.js';
import { Id, Timestamp } from './common.js';
import { ImageUrl } from './message.js';

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
export interface Agent extends z.infer<typeof Agent> {}

/** An agent with what they carry right now: for transfer pickers and presence lists. */
export const AgentPresence = Agent.extend({
  /** Conversations they own now (active or pending). */
  load: z.number().int().nonnegative(),
});
export interface AgentPresence extends z.infer<typeof AgentPresence> {}

/** `PATCH /v1/agent/me`: the name visitors see and the picture beside it (`null` removes it). */
export const UpdateProfileRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    avatarUrl: ImageUrl.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

/** `PATCH /v1/agents/:id` (admins): routing attributes of an agent. */
export const UpdateAgentRequest = z
  .strictObject({
    skills: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
    capacity: z.number().int().min(0).max(100).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateAgentRequest = z.infer<typeof UpdateAgentRequest>;

/**
 * What a visitor may know of an agent: the name they answer under and their picture, for the
 * chat's header and the author line over their messages. Never their email, role or load.
 */
export const PublicAgentProfile = Agent.pick({ id: true, name: true, avatarUrl: true });
export type PublicAgentProfile = z.infer<typeof PublicAgentProfile>;

/** The most profiles one `agents:profiles` request may ask for. */
export const MAX_PROFILES_PER_REQUEST = 20;

/** `agents:profiles` (visitors): the public profiles of these agents; unknown ids are left out. */
export const AgentProfilesRequest = z.strictObject({
  agentIds: z.array(Id).min(1).max(MAX_PROFILES_PER_REQUEST),
});
export type AgentProfilesRequest = z.infer<typeof AgentProfilesRequest>;
