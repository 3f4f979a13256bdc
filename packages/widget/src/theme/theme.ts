/** `auto` follows the visitor's system setting (`prefers-color-scheme`). */
export type ChatTheme = 'light' | 'dark' | 'auto';

/** The bottom corner of the viewport that holds the launcher and the panel. */
export type ChatPosition = 'right' | 'left';
