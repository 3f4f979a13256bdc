// What the header says only some of the time, with its words: the visitor's place in the queue
// and, outside business hours, the away notice. A chunk of its own, fetched the first time the
// header has either to say (both follow news from the server, which comes over the network anyway).
import { renderAwayNotice } from './away-notice.js';
import { queueText } from './queue-text.js';

export interface HeaderLines {
  renderAwayNotice: typeof renderAwayNotice;
  queueText: typeof queueText;
}

export const headerLines: HeaderLines = { renderAwayNotice, queueText };
