import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { render, type RenderOptions } from 'lit/html.js';
import { addStyles } from './add-styles.js';
import type { Css } from './css.js';

/** How a reactive property meets its attribute. */
export interface PropertyDeclaration {
  /** The attribute's name; the property's lower-cased by default. */
  readonly attribute?: string;
  /** Internal state: renders on change, has no attribute. */
  readonly state?: boolean;
  /** A boolean attribute: present or absent. Otherwise the attribute is the property's text. */
  readonly type?: BooleanConstructor;
  /** Written back to the attribute after each change, so styles can select on it. */
  readonly reflect?: boolean;
}

export type PropertyDeclarations = Readonly<Record<string, PropertyDeclaration>>;

/** The properties an update carries, each with its value before the first change. */
export type PropertyValues = Map<PropertyKey, unknown>;

/**
 * The part of lit's `ReactiveElement` and `LitElement` the chat uses, in a fraction of the bytes
 * (the budget for an open chat is 30 KB): reactive properties with attributes, batched async
 * updates, controllers, a shadow root with adopted styles, and a lit-html template. The lifecycle
 * and names are lit's, so lit's controllers and documentation apply: a property change schedules
 * one update in a microtask, which runs `willUpdate`, the controllers' `hostUpdate`, `render`,
 * reflection, the controllers' `hostUpdated`, then `updated`; `updateComplete` settles after it.
 */
export abstract class ReactiveElement extends HTMLElement implements ReactiveControllerHost {
  static properties: PropertyDeclarations = {};
  static styles: readonly Css[] = [];

  /** The properties of this class and its ancestors; set when the class is defined. */
  private static declared: PropertyDeclarations = {};
  /** Attribute name → property name. */
  private static attributeProperties = new Map<string, string>();

  /** Read once, by `customElements.define`: the moment to set the class up. */
  static get observedAttributes(): string[] {
    this.declared = ReactiveElement.finalize(this);
    this.attributeProperties = new Map(
      Object.entries(this.declared)
        .filter(([, declaration]) => !declaration.state)
        .map(([name, declaration]) => [declaration.attribute ?? name.toLowerCase(), name]),
    );
    return [...this.attributeProperties.keys()];
  }

  /** The properties `type` and its ancestors declare, each given its accessor. */
  private static finalize(type: typeof ReactiveElement): PropertyDeclarations {
    if (type === ReactiveElement) return {};
    const inherited = ReactiveElement.finalize(Object.getPrototypeOf(type) as typeof ReactiveElement);
    if (!Object.prototype.hasOwnProperty.call(type, 'properties')) return inherited;
    for (const name of Object.keys(type.properties))
      if (!Object.prototype.hasOwnProperty.call(type.prototype, name))
        ReactiveElement.defineAccessor(type, name);
    return { ...inherited, ...type.properties };
  }

  /** A property whose every change schedules an update. */
  private static defineAccessor(type: typeof ReactiveElement, name: string): void {
    Object.defineProperty(type.prototype, name, {
      get(this: ReactiveElement) {
        return this.#values.get(name);
      },
      set(this: ReactiveElement, value: unknown) {
        const old = this.#values.get(name);
        // NaN to NaN is no change, as in lit's `notEqual`.
        if (old === value || (old !== old && value !== value)) return;
        this.#values.set(name, value);
        this.requestUpdate(name, old);
      },
      configurable: true,
      enumerable: true,
    });
  }

  /** The shadow root the template renders into, from the first connection. */
  renderRoot!: HTMLElement | DocumentFragment;
  /** Whether an update is scheduled and has not yet run. */
  isUpdatePending = false;
  /** Whether the element has rendered once. */
  hasUpdated = false;

  #values = new Map<PropertyKey, unknown>();
  #changed: PropertyValues = new Map();
  #controllers: ReactiveController[] = [];
  #updatePromise: Promise<boolean>;
  #enableUpdating!: () => void;
  /** Values a page set on the element before it was upgraded; they win over the defaults. */
  #preUpgrade = new Map<string, unknown>();
  /** The property being written to its attribute, whose attribute change is not read back. */
  #reflecting: string | null = null;
  /** The property being set from its attribute, which is not written back (as in lit). */
  #fromAttribute: string | null = null;
  /** Changed properties to write to their attributes at the next update. */
  #toReflect = new Set<string>();

  constructor() {
    super();
    this.#updatePromise = new Promise((resolve) => (this.#enableUpdating = () => resolve(true)));
    for (const name of Object.keys(this.#declarations())) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        this.#preUpgrade.set(name, this[name as keyof this]);
        delete this[name as keyof this];
      }
    }
    this.requestUpdate();
  }

  /** Settles after the pending update, or at once if none is pending. */
  get updateComplete(): Promise<boolean> {
    return this.#updatePromise;
  }

  addController(controller: ReactiveController): void {
    this.#controllers.push(controller);
    if (this.renderRoot !== undefined && this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.#controllers = this.#controllers.filter((held) => held !== controller);
  }

  connectedCallback(): void {
    if (this.renderRoot === undefined) {
      this.renderRoot = this.createRenderRoot();
      addStyles(this.renderRoot, (this.constructor as typeof ReactiveElement).styles);
    }
    this.#enableUpdating();
    for (const controller of this.#controllers) controller.hostConnected?.();
  }

  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const name = (this.constructor as typeof ReactiveElement).attributeProperties.get(attribute);
    if (!name || name === this.#reflecting) return;
    this.#fromAttribute = name;
    (this as Record<string, unknown>)[name] =
      this.#declarations()[name]?.type === Boolean ? value !== null : value;
    this.#fromAttribute = null;
  }

  /**
   * Schedules an update; with a property's `name`, records its value before this change (an
   * accessor calls this, as lit's do).
   */
  requestUpdate(name?: PropertyKey, oldValue?: unknown): void {
    if (name !== undefined && !this.#changed.has(name)) this.#changed.set(name, oldValue);
    if (typeof name === 'string' && name !== this.#fromAttribute) this.#toReflect.add(name);
    if (!this.isUpdatePending) this.#updatePromise = this.#enqueueUpdate();
  }

  async #enqueueUpdate(): Promise<boolean> {
    this.isUpdatePending = true;
    try {
      // After the previous update, and, for the first, after the first connection.
      await this.#updatePromise;
    } catch (error) {
      // The previous update's failure is reported, and this one still runs.
      queueMicrotask(() => {
        throw error;
      });
    }
    this.#performUpdate();
    return !this.isUpdatePending;
  }

  #performUpdate(): void {
    if (!this.hasUpdated) {
      for (const [name, value] of this.#preUpgrade) (this as Record<string, unknown>)[name] = value;
      this.#preUpgrade.clear();
    }
    const changed = this.#changed;
    try {
      this.willUpdate(changed);
      for (const controller of this.#controllers) controller.hostUpdate?.();
      this.#update();
    } finally {
      // A failed update is not retried for the same changes, as in lit.
      this.#changed = new Map();
      this.isUpdatePending = false;
    }
    for (const controller of this.#controllers) controller.hostUpdated?.();
    this.hasUpdated = true;
    this.updated(changed);
  }

  /** Renders the template, then writes reflected properties to their attributes. */
  #update(): void {
    const options: RenderOptions = { host: this };
    render(this.render(), this.renderRoot, options);
    const declarations = this.#declarations();
    for (const name of this.#toReflect) {
      const declaration = declarations[name];
      if (declaration?.reflect) this.#reflect(name, declaration);
    }
    this.#toReflect.clear();
  }

  #reflect(name: string, declaration: PropertyDeclaration): void {
    const attribute = declaration.attribute ?? name.toLowerCase();
    const value = (this as Record<string, unknown>)[name];
    this.#reflecting = name;
    if (value === false || value === null || value === undefined) this.removeAttribute(attribute);
    else this.setAttribute(attribute, value === true ? '' : (value as string));
    this.#reflecting = null;
  }

  #declarations(): PropertyDeclarations {
    return (this.constructor as typeof ReactiveElement).declared;
  }

  /** The open shadow root, reusing one that is already there. */
  protected createRenderRoot(): HTMLElement | DocumentFragment {
    return this.shadowRoot ?? this.attachShadow({ mode: 'open' });
  }

  /** Before rendering; changes made here join this update. */
  protected willUpdate(_changed: PropertyValues): void {}

  /** After rendering; changes made here schedule another update. */
  protected updated(_changed: PropertyValues): void {}

  protected abstract render(): unknown;
}
