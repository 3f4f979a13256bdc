// A JSON file of contacts (the demo's default): read on each lookup, so an edit shows without a
// restart, and keyed by whatever the shop knows a contact by.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../lib/app-error.js';
import { lookupKey, lookupKeys } from './contact-keys.js';
import { CONTEXT_MAX_BYTES, parseJson, unavailable, type ContextSource } from './source.js';

/** `{ "contacts": { "<email, phone or external id>": ContactContext } }`; entries checked on use. */
const ContextFile = z.object({ contacts: z.record(z.string(), z.unknown()) });

export interface FileSourceOptions {
  path: string;
  /** @default CONTEXT_MAX_BYTES */
  maxBytes?: number;
}

export function fileSource({ path, maxBytes = CONTEXT_MAX_BYTES }: FileSourceOptions): ContextSource {
  const shown = `The context file ${basename(path)}`;
  return async (identity) => {
    let text: string;
    try {
      if ((await stat(path)).size > maxBytes) throw unavailable(`${shown} is larger than ${maxBytes} bytes`);
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw unavailable(`${shown} cannot be read`);
    }
    const file = ContextFile.safeParse(parseJson(text, `${shown} is not valid JSON`));
    if (!file.success) throw unavailable(`${shown} has no "contacts" object`);
    const entries = new Map(
      Object.entries(file.data.contacts).map(([key, value]) => [lookupKey(key), value]),
    );
    for (const key of lookupKeys(identity)) {
      if (entries.has(key)) return entries.get(key);
    }
    return null;
  };
}
