// Downloads a file someone sent the bot: getFile makes it ready and names its path, then the
// bytes come from the file endpoint. Bots may download files of up to 20 MB: getFile refuses a
// larger one for good, and the message is kept with a note instead.
import { z } from 'zod';
import { ChannelSendError, type AdapterContext } from '../adapter.js';
import { callBotApi } from './api.js';
import { fileUrl, type TelegramConfig } from './config.js';

const File = z.object({ file_path: z.string().min(1) });

export async function downloadFile(config: TelegramConfig, fileId: string, context: AdapterContext) {
  const file = File.parse(await callBotApi(config, 'getFile', { file_id: fileId }, context));
  const response = await context.fetch(fileUrl(config, file.file_path));
  // The URL holds the bot token: the error names the file, not the URL.
  if (!response.ok) {
    throw new ChannelSendError(
      `Telegram file ${file.file_path}: ${response.status}`,
      response.status === 429 || response.status >= 500,
    );
  }
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    // Telegram serves most files as application/octet-stream; the attachment service then
    // goes by the bytes.
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    name: file.file_path.split('/').pop() || 'file',
  };
}
