import { expect } from '@esm-bundle/chai';
import { fixture, html } from '@open-wc/testing-helpers';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { sendKeys } from '@web/test-runner-commands';
import { chatFixture, TestChat } from '../../test/chat-fixture.js';
import { launcherIconPath, launcherLabel } from '../launcher/launcher.js';
import { drawPlaceholder } from './placeholder.js';

let tags = 0;

/** An element of a tag nobody has defined yet, as the loader finds `<switchboard-chat>` before lit loads. */
async function undefinedElement(attributes: Record<string, string> = {}): Promise<HTMLElement> {
  tags++;
  const tag = unsafeStatic(`switchboard-chat-later-${tags}`);
  const element = await fixture<HTMLElement>(staticHtml`<${tag}></${tag}>`);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

const rectOf = (element: Element) => {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
};

describe('placeholder launcher', () => {
  it('draws a launcher button named like the real one, with its icon, in an open shadow root', async () => {
    const host = await undefinedElement();
    const button = drawPlaceholder(host, launcherLabel, () => {})!;
    expect(host.shadowRoot?.mode).to.equal('open');
    expect(button.getRootNode()).to.equal(host.shadowRoot);
    expect(button.localName).to.equal('button');
    expect(button.type).to.equal('button');
    expect(button.getAttribute('part')).to.equal('launcher');
    expect(button.getAttribute('aria-label')).to.equal('Open chat');
    expect(button.querySelector('path')?.getAttribute('d')).to.equal(launcherIconPath);
    // A constructed sheet, which passes a CSP that forbids inline styles.
    expect(host.shadowRoot!.adoptedStyleSheets).to.have.length(1);
    expect(host.shadowRoot!.querySelector('style')).to.be.null;
  });

  it("sits exactly where the element's own launcher will, in either corner", async () => {
    const real = await chatFixture();
    const placeholder = drawPlaceholder(await undefinedElement(), launcherLabel, () => {})!;
    expect(rectOf(placeholder)).to.deep.equal(rectOf(real.part('launcher')));

    const left = await chatFixture({ position: 'left' });
    const leftPlaceholder = drawPlaceholder(
      await undefinedElement({ position: 'left' }),
      launcherLabel,
      () => {},
    )!;
    expect(rectOf(leftPlaceholder)).to.deep.equal(rectOf(left.part('launcher')));
    expect(rectOf(leftPlaceholder).left).to.be.closeTo(20, 1);
  });

  it('hands itself to onActivate on a click, or Enter from the keyboard', async () => {
    const activated: HTMLButtonElement[] = [];
    const button = drawPlaceholder(await undefinedElement(), launcherLabel, (pressed) =>
      activated.push(pressed),
    )!;
    button.click();
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(activated).to.deep.equal([button, button]);
  });

  it('draws nothing over an element already drawn or already defined', async () => {
    const drawn = await undefinedElement();
    drawn.attachShadow({ mode: 'open' });
    expect(drawPlaceholder(drawn, launcherLabel, () => {})).to.be.null;
    expect(drawn.shadowRoot!.childNodes).to.have.length(0);

    const defined = await fixture<HTMLElement>(html`<switchboard-chat></switchboard-chat>`);
    const before = defined.shadowRoot!.innerHTML;
    expect(drawPlaceholder(defined, launcherLabel, () => {})).to.be.null;
    expect(defined.shadowRoot!.innerHTML).to.equal(before);
  });

  it('gives way to the element when it upgrades: one launcher, the real one', async () => {
    const host = await undefinedElement();
    drawPlaceholder(host, launcherLabel, () => {});
    customElements.define(host.localName, class extends TestChat {});
    const chat = host as TestChat;
    await chat.updateComplete;
    const launchers = chat.shadowRoot!.querySelectorAll('[part~="launcher"]');
    expect(launchers.length).to.equal(1);
    expect(launchers[0]!.getAttribute('aria-expanded')).to.equal('false');
    expect(chat.shadowRoot!.querySelector('[part~="panel"]')).not.to.equal(null);
  });
});
