import { expect } from '@esm-bundle/chai';
import { fixture, html } from '@open-wc/testing-helpers';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { chatFixture, type ChatFixture } from '../../test/chat-fixture.js';

// The light palette's values, and the dark one's (theme.styles.ts).
const WHITE = 'rgb(255, 255, 255)';
const LIGHT_ACCENT = 'rgb(79, 70, 229)';
const DARK_BACKGROUND = 'rgb(17, 24, 39)';
const DARK_ACCENT = 'rgb(129, 140, 248)';

const style = (element: Element) => getComputedStyle(element);
const panelBackground = (fixture: ChatFixture) => style(fixture.part('panel')).backgroundColor;
const launcherBackground = (fixture: ChatFixture) => style(fixture.part('launcher')).backgroundColor;

/** A stylesheet of the page's own, removed after the test. */
async function pageStyle(css: string): Promise<void> {
  await fixture(
    html`<style>
      ${css}
    </style>`,
  );
}

describe('theme', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });

  it('is light by default, reflected on the element', async () => {
    const chat = await chatFixture({ open: true });
    expect(chat.chat.getAttribute('theme')).to.equal('light');
    expect(panelBackground(chat)).to.equal(WHITE);
    expect(launcherBackground(chat)).to.equal(LIGHT_ACCENT);
    expect(style(chat.chat).colorScheme).not.to.equal('dark');
  });

  it('is dark with theme="dark", whatever the system prefers', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const chat = await chatFixture({ open: true, theme: 'dark' });
    expect(panelBackground(chat)).to.equal(DARK_BACKGROUND);
    expect(launcherBackground(chat)).to.equal(DARK_ACCENT);
    expect(style(chat.chat).colorScheme).to.equal('dark');
  });

  it('follows the system with theme="auto", live as the preference changes', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const chat = await chatFixture({ open: true, theme: 'auto' });
    expect(panelBackground(chat)).to.equal(DARK_BACKGROUND);

    await emulateMedia({ colorScheme: 'light' });
    expect(panelBackground(chat)).to.equal(WHITE);
    expect(launcherBackground(chat)).to.equal(LIGHT_ACCENT);
  });

  it('stays light with theme="light" on a system that prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const chat = await chatFixture({ open: true, theme: 'light' });
    expect(panelBackground(chat)).to.equal(WHITE);
  });

  it('switches when the attribute changes', async () => {
    const chat = await chatFixture({ open: true });
    chat.chat.theme = 'dark';
    await chat.chat.updateComplete;
    expect(chat.chat.getAttribute('theme')).to.equal('dark');
    expect(panelBackground(chat)).to.equal(DARK_BACKGROUND);
  });

  it("lets the page's custom properties and ::part rules win, in the dark theme too", async () => {
    await pageStyle(`
      switchboard-chat { --switchboard-accent: rgb(1, 2, 3); }
      switchboard-chat::part(launcher) { border-radius: 4px; }
    `);
    const chat = await chatFixture({ open: true, theme: 'dark' });
    expect(launcherBackground(chat)).to.equal('rgb(1, 2, 3)');
    expect(style(chat.part('header')).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(style(chat.part('launcher')).borderRadius).to.equal('4px');
    // What the page did not set still comes from the dark palette.
    expect(panelBackground(chat)).to.equal(DARK_BACKGROUND);
  });

  describe('position', () => {
    it('sits in the bottom right corner by default', async () => {
      const chat = await chatFixture({ open: true });
      expect(chat.chat.getAttribute('position')).to.equal('right');
      const launcher = chat.part('launcher').getBoundingClientRect();
      expect(innerWidth - launcher.right).to.be.closeTo(20, 1);
      expect(innerHeight - launcher.bottom).to.be.closeTo(20, 1);
      const panel = chat.part('panel').getBoundingClientRect();
      expect(innerWidth - panel.right).to.be.closeTo(20, 1);
    });

    it('moves the launcher and the panel to the bottom left with position="left"', async () => {
      const chat = await chatFixture({ open: true, position: 'left' });
      const launcher = chat.part('launcher').getBoundingClientRect();
      expect(launcher.left).to.be.closeTo(20, 1);
      expect(innerHeight - launcher.bottom).to.be.closeTo(20, 1);
      expect(chat.part('panel').getBoundingClientRect().left).to.be.closeTo(20, 1);
    });

    it('keeps the corner the page chose in a right-to-left language', async () => {
      const chat = await chatFixture({ open: true, position: 'left', locale: 'ar' });
      expect(chat.part('launcher').getBoundingClientRect().left).to.be.closeTo(20, 1);
    });

    it('takes its distance from the edges from --switchboard-offset', async () => {
      await pageStyle('switchboard-chat { --switchboard-offset: 40px; }');
      const chat = await chatFixture({ position: 'left' });
      const launcher = chat.part('launcher').getBoundingClientRect();
      expect(launcher.left).to.be.closeTo(40, 1);
      expect(innerHeight - launcher.bottom).to.be.closeTo(40, 1);
    });
  });

  it('covers a small screen with the open panel, hiding the launcher', async () => {
    await setViewport({ width: 400, height: 700 });
    const chat = await chatFixture({ open: true });
    const panel = chat.part('panel').getBoundingClientRect();
    expect([panel.left, panel.top, panel.width, panel.height]).to.deep.equal([0, 0, 400, 700]);
    expect(style(chat.part('launcher')).display).to.equal('none');
  });
});
