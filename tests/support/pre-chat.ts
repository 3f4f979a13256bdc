// Switches the demo site's pre-chat form on (or off) the way an admin does: over REST.
import type { AgentSession, PreChatSettingsInput, Site } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** `PUT /v1/sites/:id/pre-chat` for the demo site, as the demo admin; `null` removes the form. */
export async function setPreChat(serverUrl: string, settings: PreChatSettingsInput | null): Promise<void> {
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
    await fetch(`${serverUrl}/v1/sites/${demo.id}/pre-chat`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(settings),
    }),
  );
}
