import type { ChannelAccount, ChannelTemplate } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { addressHint, outboundRequest, type OutboundFormValues } from './outbound-request.js';

const account = (channel: ChannelAccount['channel']): ChannelAccount => ({
  id: 'acc1',
  siteId: 'site1',
  channel,
  name: 'Support',
  webhookUrl: '/v1/channels/acc1/webhook',
  createdAt: '2026-11-22T10:00:00.000Z',
});
const template: ChannelTemplate = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  body: 'Hi {{1}}, your order {{2}} has shipped.',
  parameterCount: 2,
};
const blank: OutboundFormValues = {
  accountId: 'acc1',
  to: '',
  name: '',
  subject: '',
  text: '',
  template: '',
  parameters: [],
};

describe('outboundRequest', () => {
  it('builds a free-text start, with the subject only for email', () => {
    const values = { ...blank, to: ' ada@example.com ', name: 'Ada', subject: 'Your order', text: 'Hello' };
    expect(outboundRequest(values, account('email'), [])).toEqual({
      ok: true,
      request: {
        channelAccountId: 'acc1',
        to: 'ada@example.com',
        name: 'Ada',
        subject: 'Your order',
        text: 'Hello',
      },
    });
    expect(outboundRequest(values, account('webhook'), [])).toEqual({
      ok: true,
      request: { channelAccountId: 'acc1', to: 'ada@example.com', name: 'Ada', text: 'Hello' },
    });
  });

  it('builds a template start with its parameters', () => {
    const values = {
      ...blank,
      to: '+49 151',
      template: 'order_update|en_US',
      parameters: ['Ada', ' #1042 '],
    };
    expect(outboundRequest(values, account('whatsapp'), [template])).toEqual({
      ok: true,
      request: {
        channelAccountId: 'acc1',
        to: '+49 151',
        template: { name: 'order_update', language: 'en_US', parameters: ['Ada', '#1042'] },
      },
    });
  });

  it('names the first thing to fix', () => {
    const problem = (check: ReturnType<typeof outboundRequest>) => (check.ok ? null : check.problem);
    expect(problem(outboundRequest(blank, undefined, []))).toBe('Choose a channel.');
    expect(problem(outboundRequest(blank, account('email'), []))).toBe('Who is it to? Fill in the address.');
    expect(problem(outboundRequest({ ...blank, to: 'x' }, account('email'), []))).toBe(
      'Write the first message.',
    );
    const oneParameter = { ...blank, to: 'x', template: 'order_update|en_US', parameters: ['Ada', ' '] };
    expect(problem(outboundRequest(oneParameter, account('whatsapp'), [template]))).toBe(
      'Fill in all 2 parameters of the template.',
    );
  });

  it('tells the agent what address each channel takes', () => {
    expect(addressHint('whatsapp')).toMatch(/Phone/);
    expect(addressHint('email')).toBe('Email address');
  });
});
