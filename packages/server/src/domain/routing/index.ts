export { orderBacklog } from './backlog.js';
export { hasSkills, isEligible } from './eligibility.js';
export { planAssignments, type RoutingPlan } from './plan.js';
export { pickAgent } from './strategies.js';
export type { Assignment, Candidate, RoutingCursor, RoutingStrategy, Waiting } from './types.js';
