// Driving the built example console (served at /console) in Chromium, by the data-testid
// attributes it renders: the steps every console test repeats.
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO } from '@switchboard/server';

export interface Credentials {
  email: string;
  password: string;
}

export const DEMO_LOGIN: Credentials = { email: DEMO.agentEmail, password: DEMO.agentPassword };

export const byTestId = (page: Page, id: string): Locator => page.locator(`[data-testid="${id}"]`);

/** The conversation's row in the list (of whichever tab is showing). */
export const conversationItem = (page: Page, id: string): Locator =>
  page.locator(`[data-testid="conversation-item"][data-conversation-id="${id}"]`);

/** The number a list tab shows beside its name ("Queue 2"). */
export const tabCount = (page: Page, tab: string): Promise<string> =>
  byTestId(page, `tab-${tab}`).locator('.tab-count').innerText();

/** Fills in and submits the login form; whether it worked is for the caller to see. */
export async function submitLogin(page: Page, serverUrl: string, login: Credentials): Promise<void> {
  await page.goto(`${serverUrl}/console`);
  await byTestId(page, 'email').fill(login.email);
  await byTestId(page, 'password').fill(login.password);
  await byTestId(page, 'login-form').evaluate((form: HTMLFormElement) => form.requestSubmit());
}

/** A new page signed in to the console, once the conversation list shows. */
export async function logIn(browser: Browser, serverUrl: string, login = DEMO_LOGIN): Promise<Page> {
  const page = await browser.newPage();
  await submitLogin(page, serverUrl, login);
  await byTestId(page, 'conversation-list').waitFor();
  return page;
}

/** Clicks the conversation in the list and waits for its thread. */
export async function openConversation(page: Page, id: string): Promise<void> {
  await conversationItem(page, id).click();
  await page.locator(`[data-testid="thread"][data-conversation-id="${id}"]`).waitFor();
}
