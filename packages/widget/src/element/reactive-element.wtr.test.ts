import { expect } from '@esm-bundle/chai';
import type { ReactiveController } from 'lit';
import { html } from 'lit/html.js';
import { css } from './css.js';
import { ReactiveElement, type PropertyDeclarations, type PropertyValues } from './reactive-element.js';

/** What the element and its controller saw, in order. */
let log: string[] = [];

class TestElement extends ReactiveElement {
  static override properties: PropertyDeclarations = {
    label: { attribute: 'data-label' },
    open: { type: Boolean, reflect: true },
    mode: { reflect: true },
    count: { state: true },
  };
  static override styles = [
    css`
      :host {
        display: block;
      }
      p {
        color: rgb(1, 2, ${3});
      }
    `,
  ];

  declare label: string;
  declare open: boolean;
  declare mode: string;
  declare count: number;
  renders = 0;
  changes: PropertyValues[] = [];

  constructor() {
    super();
    this.label = 'none';
    this.open = false;
    this.mode = 'light';
    this.count = 0;
  }

  protected override willUpdate(changed: PropertyValues): void {
    log.push('willUpdate');
    // Joins this update rather than scheduling another.
    if (changed.has('label')) this.count = this.label.length;
  }

  protected override render() {
    this.renders++;
    log.push('render');
    return html`<p>${this.label}:${this.count}</p>`;
  }

  protected override updated(changed: PropertyValues): void {
    log.push('updated');
    this.changes.push(changed);
  }
}
customElements.define('test-reactive-element', TestElement);

class Recorder implements ReactiveController {
  hostConnected() {
    log.push('hostConnected');
  }
  hostDisconnected() {
    log.push('hostDisconnected');
  }
  hostUpdate() {
    log.push('hostUpdate');
  }
  hostUpdated() {
    log.push('hostUpdated');
  }
}

async function mount(setUp: (element: TestElement) => void = () => undefined): Promise<TestElement> {
  const element = document.createElement('test-reactive-element') as TestElement;
  setUp(element);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const text = (element: TestElement) => element.shadowRoot!.querySelector('p')!.textContent;

describe('ReactiveElement', () => {
  beforeEach(() => {
    log = [];
  });
  afterEach(() => document.body.replaceChildren());

  it('renders once connected, reflects its defaults, and reports them as changed from undefined', async () => {
    const element = await mount();
    expect(text(element)).to.equal('none:4');
    expect(element.renders).to.equal(1);
    expect(element.hasUpdated).to.be.true;
    expect(element.getAttribute('mode')).to.equal('light');
    expect(element.hasAttribute('open')).to.be.false;
    expect(element.changes[0]!.get('mode')).to.equal(undefined);
    expect(getComputedStyle(element.shadowRoot!.querySelector('p')!).color).to.equal('rgb(1, 2, 3)');
  });

  it('batches changes into one update that carries each first old value', async () => {
    const element = await mount();
    element.label = 'a';
    element.label = 'abc';
    element.open = true;
    expect(element.isUpdatePending).to.be.true;
    await element.updateComplete;
    expect(element.renders).to.equal(2);
    expect(text(element)).to.equal('abc:3');
    const changed = element.changes[1]!;
    expect([...changed.keys()].sort()).to.deep.equal(['count', 'label', 'open']);
    expect(changed.get('label')).to.equal('none');
    expect(changed.get('open')).to.equal(false);
    expect(element.hasAttribute('open')).to.be.true;
  });

  it('skips an update when a value does not change', async () => {
    const element = await mount();
    element.label = 'none';
    element.count = Number.NaN;
    await element.updateComplete;
    element.count = Number.NaN;
    await element.updateComplete;
    expect(element.renders).to.equal(2);
  });

  it('reads attributes into properties, boolean ones by presence, without echoing reflected ones', async () => {
    const element = await mount();
    element.setAttribute('data-label', 'from attribute');
    element.setAttribute('open', '');
    await element.updateComplete;
    expect(element.label).to.equal('from attribute');
    expect(element.open).to.be.true;
    element.removeAttribute('open');
    expect(element.open).to.be.false;
    // What an attribute set is not written back, even where the property reflects.
    element.setAttribute('mode', 'Dark');
    await element.updateComplete;
    expect(element.mode).to.equal('Dark');
    expect(element.getAttribute('mode')).to.equal('Dark');
    element.mode = 'dark';
    await element.updateComplete;
    expect(element.getAttribute('mode')).to.equal('dark');
    expect(element.mode).to.equal('dark');
    // State has no attribute.
    expect(TestElement.observedAttributes).to.deep.equal(['data-label', 'open', 'mode']);
  });

  it('keeps values a page set before the element was upgraded over its defaults', async () => {
    const element = document.createElement('test-reactive-element-later') as TestElement;
    element.label = 'set early';
    document.body.append(element);
    class Later extends TestElement {}
    customElements.define('test-reactive-element-later', Later);
    await element.updateComplete;
    expect(element.label).to.equal('set early');
    expect(text(element)).to.equal('set early:9');
  });

  it('runs controllers around each update, and tells them of connection changes', async () => {
    const element = await mount((created) => created.addController(new Recorder()));
    expect(log).to.deep.equal([
      'hostConnected',
      'willUpdate',
      'hostUpdate',
      'render',
      'hostUpdated',
      'updated',
    ]);
    log = [];
    element.remove();
    document.body.append(element);
    expect(log).to.deep.equal(['hostDisconnected', 'hostConnected']);
    // Added while connected: told at once.
    const late = new Recorder();
    log = [];
    element.addController(late);
    expect(log).to.deep.equal(['hostConnected']);
    element.removeController(late);
  });

  it('schedules another update for a change made in updated(), and updateComplete waits for it', async () => {
    class Again extends TestElement {
      protected override updated(changed: PropertyValues): void {
        super.updated(changed);
        if (this.renders === 1) this.label = 'again';
      }
    }
    customElements.define('test-reactive-element-again', Again);
    const element = document.createElement('test-reactive-element-again') as Again;
    document.body.append(element);
    // The first update's promise reports that another is pending.
    expect(await element.updateComplete).to.be.false;
    expect(await element.updateComplete).to.be.true;
    expect(text(element)).to.equal('again:5');
  });

  it('reuses a shadow root drawn before the upgrade', async () => {
    class Reuses extends TestElement {}
    const element = document.createElement('test-reactive-element-reuses') as Reuses;
    element.attachShadow({ mode: 'open' }).append(document.createElement('span'));
    document.body.append(element);
    customElements.define('test-reactive-element-reuses', Reuses);
    await element.updateComplete;
    expect(element.renderRoot).to.equal(element.shadowRoot);
    expect(text(element)).to.equal('none:4');
  });
});
