// Changes the demo site's settings the way an admin does: over REST, as the demo admin.
import type { AgentSession, BusinessHours, PreChatSettingsInput, Site } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** `PUT /v1/sites/:id/<setting>` for the demo site. */
async function putDemoSite(serverUrl: string, setting: string, body: unknown): Promise<void> {
  const { token } = await json<AgentSession>(
    await fetch(`${serverUrl}/v1/agent/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.agentEmail, password: DEMO.agentPassword }),
    }),
  );
  const authorization = `Bearer ${token}`;
  const sites = await json<Site[]>(await fetch(`${serverUrl}/v1/sites`, { headers: { authorization } }));
  const demo = sites.find((site) => site.siteKey === DEMO.siteKey);
  if (!demo) throw new Error('the demo site was not seeded');
  await json(
    await fetch(`${serverUrl}/v1/sites/${demo.id}/${setting}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    }),
  );
}

/** The demo site's pre-chat form; `null` removes it. */
export function setPreChat(serverUrl: string, settings: PreChatSettingsInput | null): Promise<void> {
  return putDemoSite(serverUrl, 'pre-chat', settings);
}

/** The demo site's business hours; `null` is always open. */
export function setBusinessHours(serverUrl: string, hours: BusinessHours | null): Promise<void> {
  return putDemoSite(serverUrl, 'business-hours', hours);
}
