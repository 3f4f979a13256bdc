import type { OutboundConversationRequest } from '@switchboard/agent-sdk';
import type { ChannelAccount, ChannelTemplate } from '@switchboard/protocol';

/** What the agent filled in on the console's "New conversation" form. */
export interface OutboundFormValues {
  accountId: string;
  to: string;
  name: string;
  subject: string;
  text: string;
  /** `name|language` of the chosen template, or '' for free text. */
  template: string;
  parameters: readonly string[];
}

export type OutboundCheck =
  { ok: true; request: OutboundConversationRequest } | { ok: false; problem: string };

/** The template a `name|language` choice names. */
export function chosenTemplate(
  templates: readonly ChannelTemplate[],
  choice: string,
): ChannelTemplate | undefined {
  return templates.find((template) => `${template.name}|${template.language}` === choice);
}

/** What the address field asks for on each channel. */
export function addressHint(channel: ChannelAccount['channel']): string {
  if (channel === 'whatsapp') return 'Phone number, e.g. +49 151 2345 6789';
  if (channel === 'email') return 'Email address';
  if (channel === 'telegram') return 'Telegram chat id';
  if (channel === 'messenger') return 'Page-scoped id (PSID)';
  return "The person's id in your system";
}

/**
 * The SDK request for the form, or the first thing to fix. The server checks everything again;
 * this only spares the agent a round trip for what is plainly missing.
 */
export function outboundRequest(
  values: OutboundFormValues,
  account: ChannelAccount | undefined,
  templates: readonly ChannelTemplate[],
): OutboundCheck {
  if (!account) return { ok: false, problem: 'Choose a channel.' };
  const to = values.to.trim();
  if (to === '') return { ok: false, problem: 'Who is it to? Fill in the address.' };
  const optional = {
    ...(values.name.trim() !== '' && { name: values.name.trim() }),
    ...(account.channel === 'email' && values.subject.trim() !== '' && { subject: values.subject.trim() }),
  };
  if (values.template !== '') {
    const template = chosenTemplate(templates, values.template);
    if (!template) return { ok: false, problem: 'Choose a template.' };
    const parameters = values.parameters.slice(0, template.parameterCount).map((value) => value.trim());
    if (parameters.length < template.parameterCount || parameters.some((value) => value === ''))
      return { ok: false, problem: `Fill in all ${template.parameterCount} parameters of the template.` };
    return {
      ok: true,
      request: {
        channelAccountId: account.id,
        to,
        ...optional,
        template: { name: template.name, language: template.language, parameters },
      },
    };
  }
  const text = values.text.trim();
  if (text === '') return { ok: false, problem: 'Write the first message.' };
  return { ok: true, request: { channelAccountId: account.id, to, ...optional, text } };
}
