import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from './quoted.js';

describe('stripQuotedReply', () => {
  it('cuts at a one-line attribution and the quote under it', () => {
    const text = [
      'Thanks, that worked.',
      '',
      'On Tue, 3 Jun 2025 at 10:00, Grace <support@example.com> wrote:',
      '> Try restarting it.',
      '> Grace',
    ].join('\r\n');
    expect(stripQuotedReply(text)).toBe('Thanks, that worked.');
  });

  it('cuts at an attribution Gmail wrapped over two lines', () => {
    const text = [
      'Yes please.',
      '',
      'On Tue, Jun 3, 2025 at 10:00 AM Grace at Acme Support <',
      'support@example.com> wrote:',
      '> Shall I refund it?',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('Yes please.');
  });

  it("cuts at Outlook's Original Message separator", () => {
    const text = 'See below.\n\n-----Original Message-----\nFrom: Grace\nSubject: Order';
    expect(stripQuotedReply(text)).toBe('See below.');
  });

  it('cuts a trailing quote block without an attribution, keeping answers written between quotes', () => {
    const text = '> Which order?\n42, from May.\n> And the colour?\nBlue.\n\n> Thanks\n> Grace';
    expect(stripQuotedReply(text)).toBe('> Which order?\n42, from May.\n> And the colour?\nBlue.');
  });

  it('keeps text that merely mentions someone writing, and a reply that is only a quote', () => {
    expect(stripQuotedReply('On reflection, my brother wrote: nothing.')).toBe(
      'On reflection, my brother wrote: nothing.',
    );
    expect(stripQuotedReply('> forwarded without a word')).toBe('> forwarded without a word');
  });
});
