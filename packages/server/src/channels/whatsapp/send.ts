// Sends one message through `POST /{phone-number-id}/messages`, one request per part (text,
// then each file). The first part's wamid is the message's id, which status callbacks name.
import { ChannelSendError, type AdapterContext, type OutboundMessage } from '../adapter.js';
import { graphUrl, type WhatsAppConfig } from './config.js';
import { composeMessages } from './compose.js';
import { SendResponse } from './format.js';
import { callGraph, graphJson } from './graph.js';

export async function sendMessage(
  config: WhatsAppConfig,
  message: OutboundMessage,
  context: AdapterContext,
): Promise<{ externalId: string }> {
  const parts = composeMessages(message);
  if (parts.length === 0) throw new ChannelSendError('The message has nothing WhatsApp can show', false);
  const url = graphUrl(config, `${config.phoneNumberId}/messages`);
  let externalId: string | undefined;
  for (const [index, part] of parts.entries()) {
    try {
      const answer = await graphJson(
        await callGraph(config, context, url, { method: 'POST', json: part }),
        SendResponse,
        'the message',
      );
      externalId ??= answer.messages[0]?.id;
    } catch (error) {
      if (index === 0 || !(error instanceof ChannelSendError)) throw error;
      // A retry would send the parts that went through again: report what is missing instead.
      throw new ChannelSendError(
        `Part ${index + 1} of ${parts.length} (${part.type}) was not sent: ${error.message}`,
        false,
      );
    }
  }
  return { externalId: externalId ?? '' };
}
