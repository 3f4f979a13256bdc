// What the placeholder (drawn by the script-tag loader before lit loads) and the element's own
// launcher share, so that one replaces the other invisibly. Kept to the minimum the loader needs.

/** A speech bubble with two lines of text, 24×24; drawn with `fill-rule: evenodd`. */
export const launcherIconPath =
  'M5 3h14a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-4.2 3.4A.5.5 0 0 1 3 21V5a2 2 0 0 1 2-2Zm2 5v2h10V8H7Zm0 4v2h7v-2H7Z';

/** The launcher's accessible name while the panel is closed. */
export const launcherLabel = 'Open chat';
