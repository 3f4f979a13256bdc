import { describe, expect, it } from 'vitest';
import { isAutomaticReply } from './auto-reply.js';

const headers = (values: Record<string, string>) => (name: string) => values[name];

describe('isAutomaticReply', () => {
  it('takes RFC 3834 Auto-Submitted of any value but "no", in any case', () => {
    expect(isAutomaticReply(headers({ 'auto-submitted': 'auto-replied' }))).toBe(true);
    expect(isAutomaticReply(headers({ 'auto-submitted': 'Auto-Generated' }))).toBe(true);
    expect(isAutomaticReply(headers({ 'auto-submitted': ' No ' }))).toBe(false);
  });

  it("takes the older responders' X-Autoreply, X-Autorespond and Precedence: auto_reply", () => {
    expect(isAutomaticReply(headers({ 'x-autoreply': 'yes' }))).toBe(true);
    expect(isAutomaticReply(headers({ 'x-autorespond': '' }))).toBe(true);
    expect(isAutomaticReply(headers({ precedence: 'auto_reply' }))).toBe(true);
  });

  it('lets a person’s mail and a bulk newsletter in', () => {
    expect(isAutomaticReply(headers({}))).toBe(false);
    expect(isAutomaticReply(headers({ precedence: 'bulk' }))).toBe(false);
    expect(isAutomaticReply(headers({ 'auto-submitted': '' }))).toBe(false);
  });
});
