/** Reads at most `maxBytes` of a response body, so a misbehaving receiver cannot exhaust memory. */
export async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  // The DOM typings leave the chunk type open; fetch bodies are always bytes.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: Buffer.concat(chunks, size).toString('utf8'), truncated: false };
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      await reader.cancel().catch(() => undefined);
      return { text: Buffer.concat(chunks, maxBytes).toString('utf8'), truncated: true };
    }
    chunks.push(value);
    size += value.byteLength;
  }
}
