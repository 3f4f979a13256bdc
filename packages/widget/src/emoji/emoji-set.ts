const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
const ONLY_EMOJI =
  /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3|[\u{1f1e6}-\u{1f1ff}]|\s)+$/u;

/**
 * Whether a message is nothing but one to three emoji, which chats show large: a lone 👍 is a
 * whole answer. Digits and `#` are emoji components too, so plain numbers never count.
 */
export function isEmojiOnly(text: string): boolean {
  if (!ONLY_EMOJI.test(text)) return false;
  const count = text.match(PICTOGRAPH)?.length ?? 0;
  return count >= 1 && count <= 3;
}
