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

const SVG = 'http://www.w3.org/2000/svg';
const BELL = 'M8 1.5a4 4 0 0 0-4 4v3L2.5 11v1h11v-1L12 8.5v-3a4 4 0 0 0-4-4ZM6.5 13a1.5 1.5 0 0 0 3 0';

/**
 * The bell as an inline SVG (struck through when off): an emoji bell shows as an empty box
 * where no emoji font is installed, which is common on Linux desktops.
 */
function bellIcon(on: boolean): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const path = (d: string) => {
    const element = document.createElementNS(SVG, 'path');
    element.setAttribute('d', d);
    element.setAttribute('fill', 'none');
    element.setAttribute('stroke', 'currentColor');
    element.setAttribute('stroke-width', '1.4');
    element.setAttribute('stroke-linecap', 'round');
    element.setAttribute('stroke-linejoin', 'round');
    return element;
  };
  svg.append(path(BELL));
  if (!on) svg.append(path('M2 2l12 12'));
  return svg;
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
    element.replaceChildren(bellIcon(on));
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
