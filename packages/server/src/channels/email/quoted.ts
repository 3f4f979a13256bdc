// Mail clients quote the whole history under every reply. Agents already have it in the
// conversation, so the quoted part is cut, conservatively: only at a marker clients really write,
// and never down to nothing (a reply that is all quote is kept whole rather than lost).

/** "On Tue, 3 Jun 2025 at 10:00, Grace <support@example.com> wrote:" (Gmail, Apple Mail, Thunderbird). */
const ATTRIBUTION = /^On\b.*\bwrote:\s*$/;
/** The same line wrapped in two, as Gmail does with long names. */
const ATTRIBUTION_START = /^On\b.*[\d,]/;
const ATTRIBUTION_END = /\bwrote:\s*$/;
/** Outlook's separator. */
const ORIGINAL_MESSAGE = /^-{2,}\s*Original Message\s*-{2,}\s*$/i;

/** The text above the quoted history, or the whole text when there is no recognised marker. */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let cut = lines.length;
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    const next = (lines[index + 1] ?? '').trim();
    if (
      ATTRIBUTION.test(line) ||
      ORIGINAL_MESSAGE.test(line) ||
      (ATTRIBUTION_START.test(line) && ATTRIBUTION_END.test(next))
    ) {
      cut = index;
      break;
    }
  }
  // A block of "> " lines at the end is quoted even without an attribution line above it.
  while (cut > 0 && /^\s*(>|$)/.test(lines[cut - 1] ?? '')) cut--;
  const kept = lines.slice(0, cut).join('\n').trim();
  return kept === '' ? text.trim() : kept;
}
