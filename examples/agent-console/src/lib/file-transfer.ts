// Files arriving by drag and drop or by paste, as opposed to text doing the same. Typed on the
// slice of `DataTransfer` that is read, so the rules can be tested without a browser.

type Transfer = Pick<DataTransfer, 'types'> & { files: ArrayLike<File> };

/** Whether a drag carries files (rather than selected text or a link). */
export function carriesFiles(data: Pick<DataTransfer, 'types'> | null): boolean {
  return data?.types.includes('Files') ?? false;
}

export function droppedFiles(data: Transfer | null): File[] {
  return data ? Array.from(data.files) : [];
}

/**
 * The files of a paste: a screenshot, a copied image, files copied in a file manager. A word
 * processor's copy (rich text, which also carries a picture of itself) is left to the text field.
 */
export function pastedFiles(data: Transfer | null): File[] {
  if (!data || data.files.length === 0 || data.types.includes('text/rtf')) return [];
  return Array.from(data.files);
}
