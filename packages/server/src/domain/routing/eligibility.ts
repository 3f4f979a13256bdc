import type { Candidate, Waiting } from './types.js';

/**
 * Whether `candidate` may be given `waiting` right now: available, below capacity (a load equal
 * to capacity is full, so capacity 0 takes nothing) and holding every required skill.
 */
export function isEligible(candidate: Candidate, waiting: Waiting): boolean {
  return (
    candidate.status === 'available' &&
    candidate.load < candidate.capacity &&
    hasSkills(candidate.skills, waiting.requiredSkills)
  );
}

/** Whether `skills` covers every one of `required`; skill names compare case-insensitively. */
export function hasSkills(skills: readonly string[], required: readonly string[]): boolean {
  if (required.length === 0) return true;
  const held = new Set(skills.map(normalizeSkill));
  return required.every((skill) => held.has(normalizeSkill(skill)));
}

// toLowerCase, not toLocaleLowerCase: the result must not depend on the server's locale.
function normalizeSkill(skill: string): string {
  return skill.toLowerCase();
}
