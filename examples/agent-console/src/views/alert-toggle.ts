// The top bar's bell: sound and browser notifications for new conversations and visitors'
// messages (see lib/alerts.ts), off until the agent turns them on, remembered per browser.
import type { Alert } from '../lib/alerts.js';
import { h, setAttr } from '../lib/dom.js';

const STORAGE_KEY = 'switchboard-console:alerts';

export interface AlertToggle {
  element: HTMLButtonElement;
  /** Sounds and shows `alert` if the agent turned alerts on; a click on it opens the conversation. */
  raise(alert: Alert, open: (conversationId: string) => void): void;
}

/** A short rising two-tone from an oscillator: nothing to download, nothing a CSP blocks. */
function ding(): void {
  const Context = globalThis.AudioContext as typeof AudioContext | undefined;
  if (!Context) return;
  const audio = new Context();
  const gain = audio.createGain();
  gain.gain.setValueAtTime(0.12, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.45);
  gain.connect(audio.destination);
  const tone = audio.createOscillator();
  tone.frequency.setValueAtTime(660, audio.currentTime);
  tone.frequency.setValueAtTime(990, audio.currentTime + 0.15);
  tone.connect(gain);
  tone.start();
  tone.stop(audio.currentTime + 0.45);
  tone.onended = () => void audio.close();
}

/** localStorage, or null where reading it throws (storage blocked for the site). */
function localStorageOrNull(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function alertToggle(storage: Storage | null = localStorageOrNull()): AlertToggle {
  let on = storage?.getItem(STORAGE_KEY) === 'on';
  const element = h('button', {
    className: 'button subtle alert-toggle',
    testId: 'alert-toggle',
    attrs: { type: 'button' },
  });
  const render = () => {
    element.textContent = on ? '🔔' : '🔕';
    setAttr(element, 'aria-pressed', String(on));
    setAttr(element, 'aria-label', 'Sound and notifications for new conversations and messages');
    element.title = on ? 'Alerts on' : 'Alerts off';
  };
  element.addEventListener('click', () => {
    on = !on;
    storage?.setItem(STORAGE_KEY, on ? 'on' : 'off');
    // Asked on the click, as browsers require; a refusal still leaves the sound.
    if (on && typeof Notification !== 'undefined' && Notification.permission === 'default') {
      void Notification.requestPermission();
    }
    render();
  });
  render();

  return {
    element,
    raise(alert, open) {
      if (!on) return;
      ding();
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
      const notification = new Notification(alert.title, {
        body: alert.body,
        tag: `switchboard-${alert.conversationId}`,
      });
      notification.onclick = () => {
        window.focus();
        open(alert.conversationId);
        notification.close();
      };
    },
  };
}
