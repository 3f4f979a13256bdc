// A plain string, not `css`, so it can be spliced into the element's styles as is. The
// loader's placeholder launcher does not wear it (the loader's 1.5 KB budget): on a dark page it
// shows the light accent until the element, loaded when the browser is idle, takes over.
//
// The light palette is the fallback of every `var(--switchboard-…, light)` in the styles, so a
// page's values win wherever it sets them. The dark one is declared on the host: a page's rules on
// `switchboard-chat` (or `switchboard-chat[theme='dark']`) still win over it, values inherited
// from an ancestor do not. Every text colour passes WCAG AA (4.5:1) on the background under it.

const darkLauncher = '--switchboard-accent:#818cf8;--switchboard-accent-contrast:#111827;';

/** `theme="dark"`, and `theme="auto"` while the visitor's system prefers dark. */
const darkWhen = (palette: string) =>
  `:host([theme='dark']){${palette}}@media (prefers-color-scheme:dark){:host([theme='auto']){${palette}}}`;

const darkPalette =
  darkLauncher +
  'color-scheme:dark;--switchboard-background:#111827;--switchboard-text:#f3f4f6;' +
  '--switchboard-muted:#9ca3af;--switchboard-border:#374151;--switchboard-bubble-background:#1f2937;' +
  '--switchboard-bubble-text:#f3f4f6;--switchboard-danger:#f87171;--switchboard-danger-contrast:#111827;' +
  '--switchboard-warning-background:#451a03;--switchboard-warning-text:#fde68a;';

export const themeCss = darkWhen(darkPalette);
