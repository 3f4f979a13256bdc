// 24×24 icon paths (Material Symbols, Apache-2.0), drawn with currentColor: for files under
// messages and in the tray, which load with the first file, so not with the chat (see icons.ts).

/** A page with a folded corner: any file that is not shown in place. */
export const fileIconPath =
  'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6Zm-1 7V3.5L18.5 9H13Z';

/** A small cross: removes a file from the composer. */
export const removeIconPath =
  'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4 6.4 5Z';
