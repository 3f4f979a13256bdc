import type { Strings, Translation } from './en.js';

/**
 * What the lazily loaded parts (the offline and pre-chat forms, the rating, the file tray) say in
 * English. It loads with them rather than with the element, so that a chat that never shows them
 * does not download their words; other languages are whole translations in chunks of their own.
 */
export const enParts = {
  formTitle: 'Leave us a message',
  formSent: "Thanks! We'll get back to you by email.",
  formFailed: 'Your message could not be sent.',
  fieldRequired: 'Please fill this in.',
  fieldEmail: 'Please enter a valid email address.',
  fieldInvalid: 'Please check this.',
  fieldPhone: 'Please enter a valid phone number.',
  fieldTooLong: 'This is too long.',
  /** Labels the pre-chat form, shown before the visitor's first conversation. */
  preChatTitle: 'Before we start',
  preChatMessage: 'How can we help?',
  preChatSubmit: 'Start chat',
  /** The link after the site's consent text. */
  preChatPolicy: 'Privacy policy',
  consentRequired: 'Please tick this box to continue.',
  preChatFailed: 'The chat could not be started. Please try again.',
  headerAwayNotice:
    "We're outside our business hours. Leave a message and we'll reply as soon as we're back.",
  /** After the away notice: when the team is next in, on the visitor's clock; `{time}` is filled in. */
  backToday: "We're back today at {time}.",
  backTomorrow: "We're back tomorrow at {time}.",
  /** `{day}` (a weekday) and `{time}` are filled in. */
  backOn: "We're back {day} at {time}.",
  newConversation: 'Start a new conversation',
  csatTitle: 'How would you rate this conversation?',
  /** `{score}` and `{max}` are filled in. */
  csatScore: '{score} of {max}',
  csatComment: 'Anything to add? (optional)',
  csatSubmit: 'Send rating',
  csatRequired: 'Please choose a rating.',
  csatFailed: 'Your rating could not be sent. Please try again.',
  /** `{score}` and `{max}` are filled in. */
  csatThanks: 'Thanks for your feedback! You rated this conversation {score} of {max}.',
  dropFiles: 'Drop files to attach them',
  /** Labels the horizontal list of cards (products, articles) under a bot message. */
  cards: 'Suggested items',
  cardLink: 'View',
  opensInNewTab: 'opens in a new tab',
  /** Labels the list of files in the composer, and the files under a message. */
  attachments: 'Attachments',
  /** `{name}` is filled in. */
  removeAttachment: 'Remove {name}',
  /** `{name}` is filled in: labels an upload's progress bar. */
  uploading: 'Uploading {name}',
  /** `{name}` is filled in. */
  uploadFailed: '{name} could not be uploaded.',
  /** `{name}` and `{max}` (a size such as "10 MB") are filled in. */
  fileTooLarge: '{name} is larger than {max}.',
  /** `{name}` is filled in. */
  fileTypeNotAllowed: '{name} is a kind of file that cannot be sent.',
  /** `{max}` is filled in. */
  tooManyFiles: 'You can send up to {max} files at once.',
};

const completed = new WeakMap<Strings, Translation>();

/**
 * The element's strings with the parts' English filled in where they have none (English itself):
 * a whole translation, the same object for the same strings so that renders stay cheap.
 */
export function withPartStrings(strings: Strings): Translation {
  let translation = completed.get(strings);
  if (!translation) {
    translation = { ...enParts, ...strings };
    completed.set(strings, translation);
  }
  return translation;
}
