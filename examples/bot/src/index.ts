export { startFaqBot } from './bot.js';
export type { FaqBot, FaqBotOptions } from './bot.js';
export { answer, createFaq, FAQ } from './faq.js';
export type { Faq, FaqAnswer, FaqEntry } from './faq.js';
