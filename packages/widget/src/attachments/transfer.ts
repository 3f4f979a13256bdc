// Files arriving by drag and drop, or by paste, as opposed to text doing the same.

/** Whether a drag carries files (rather than selected text or a link). */
export function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function droppedFiles(event: DragEvent): File[] {
  return Array.from(event.dataTransfer?.files ?? []);
}

/**
 * The files of a paste: a screenshot, a copied image, files copied in a file manager. A word
 * processor's copy (rich text, which also carries a picture of itself) is left to the text field.
 */
export function pastedFiles(event: ClipboardEvent): File[] {
  const data = event.clipboardData;
  if (!data || data.files.length === 0 || data.types.includes('text/rtf')) return [];
  return Array.from(data.files);
}
