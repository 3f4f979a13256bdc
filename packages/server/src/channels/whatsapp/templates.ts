// The account's approved message templates, as agents pick them, and the body that sends one.
import type { ChannelTemplate, TemplateMessage } from '@switchboard/protocol';
import type { AdapterContext } from '../adapter.js';
import { graphUrl, type WhatsAppConfig } from './config.js';
import { TemplatesResponse } from './format.js';
import { callGraph, graphJson } from './graph.js';

/** Enough for any real account; a runaway `paging.next` chain stops here. */
const MAX_PAGES = 10;
const POSITIONAL = /\{\{(\d+)\}\}/g;

export async function listTemplates(
  config: WhatsAppConfig,
  context: AdapterContext,
): Promise<ChannelTemplate[]> {
  const templates: ChannelTemplate[] = [];
  let url: string | undefined = `${graphUrl(config, `${config.wabaId}/message_templates`)}?status=APPROVED`;
  for (let page = 0; url && page < MAX_PAGES; page += 1) {
    const answer: TemplatesResponse = await graphJson(
      await callGraph(config, context, url),
      TemplatesResponse,
      'the templates',
    );
    for (const template of answer.data) {
      if (template.status !== 'APPROVED') continue;
      const body = template.components.find((c) => c.type.toUpperCase() === 'BODY')?.text ?? '';
      // Named parameters ({{first_name}}) need their names on send, which agents cannot give yet.
      if (/\{\{[^}\d][^}]*\}\}/.test(body)) continue;
      templates.push({
        name: template.name,
        language: template.language,
        category: template.category ?? null,
        body,
        parameterCount: Math.max(0, ...[...body.matchAll(POSITIONAL)].map((m) => Number(m[1]))),
      });
    }
    url = answer.paging?.next;
  }
  return templates;
}

/** The `template` object of a `type: 'template'` message. */
export function templateObject(template: TemplateMessage) {
  return {
    name: template.name,
    language: { code: template.language },
    ...(template.parameters.length > 0 && {
      components: [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }],
    }),
  };
}
