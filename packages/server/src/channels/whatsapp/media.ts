// Downloads a customer's file: `GET /{media-id}` says where it is (valid for five minutes), and
// that URL also wants the bearer token.
import type { AdapterContext } from '../adapter.js';
import { graphUrl, type WhatsAppConfig } from './config.js';
import { MediaResponse } from './format.js';
import { callGraph, graphJson } from './graph.js';

export async function fetchMedia(config: WhatsAppConfig, mediaId: string, context: AdapterContext) {
  const located = await graphJson(
    await callGraph(config, context, graphUrl(config, encodeURIComponent(mediaId))),
    MediaResponse,
    'the media lookup',
  );
  const response = await callGraph(config, context, located.url);
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    contentType: located.mime_type ?? response.headers.get('content-type') ?? 'application/octet-stream',
  };
}
