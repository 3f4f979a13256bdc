// A plain string, not lit `css`: the script-tag loader draws its placeholder launcher with it
// before lit has loaded, and the element draws the real one with the same rules, so the swap is
// invisible and `::part(launcher)` theming applies to both.

/**
 * The host box and the launcher button. `position` names physical sides on purpose: the page picks
 * a corner of the screen whatever the text direction; an auto margin, unlike `align-items`, does
 * not follow the direction either.
 */
export const launcherCss = `
:host {
  all: initial;
  position: fixed;
  right: var(--switchboard-offset, 20px);
  bottom: var(--switchboard-offset, 20px);
  z-index: var(--switchboard-z-index, 2147483000);
  display: flex;
  flex-direction: column;
  align-items: flex-end;
  gap: 12px;
}
:host([hidden]) {
  display: none;
}
:host([position='left']) {
  right: auto;
  left: var(--switchboard-offset, 20px);
}
:host([position='left']) [part~='launcher'] {
  margin-right: auto;
}
[part~='launcher'] {
  position: relative;
  display: grid;
  place-items: center;
  width: 56px;
  height: 56px;
  padding: 0;
  border: 0;
  border-radius: 50%;
  background: var(--switchboard-accent, #4f46e5);
  color: var(--switchboard-accent-contrast, #fff);
  box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
  cursor: pointer;
}
[part~='launcher']:hover {
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.28);
}
[part~='launcher']:focus-visible {
  outline: 3px solid var(--switchboard-accent, #4f46e5);
  outline-offset: 3px;
}
[part~='launcher'][aria-busy='true'] {
  cursor: progress;
  opacity: 0.8;
}
svg {
  width: 28px;
  height: 28px;
  fill: currentColor;
  fill-rule: evenodd;
}
`;
