import type { AgentClient } from '@switchboard/agent-sdk';
import {
  PRIORITIES,
  RESOLVE_REASONS,
  type Conversation,
  type Priority,
  type ResolveReason,
} from '@switchboard/protocol';
import { availableActions, canHandBack } from '../lib/conversation-actions.js';
import { describeError } from '../lib/describe-error.js';
import { h, reconcile, setText } from '../lib/dom.js';
import { priorityLabel, resolveReasonLabel } from '../lib/labels.js';
import { parseTransferTarget, transferOptions, type TransferOption } from '../lib/transfer-targets.js';
import { Disposer } from '../lib/watch.js';

export interface ThreadActionsOptions {
  /** The agent took a conversation from the bot; it is theirs now. */
  onIntervened(conversationId: string): void;
}

export interface ThreadActions {
  /** Accept or Intervene, Hand back, Resolve, Transfer, Reopen and the priority, for the thread header. */
  bar: HTMLElement;
  /** The resolve and transfer forms and any refusal, shown under the header. */
  panel: HTMLElement;
  /** Follows the open conversation's latest snapshot (undefined: nothing open). */
  show(conversation: Conversation | undefined): void;
  /** Opens the resolve or transfer form (Ctrl+R, Ctrl+T) when the conversation allows it; true if it did. */
  openForm(form: 'resolve' | 'transfer'): boolean;
  /** Closes an open form (Escape); true if one was open. */
  closeForm(): boolean;
  dispose(): void;
}

type OpenForm = 'resolve' | 'transfer' | null;

const NOTE_MAX = 1000;

function button(testId: string, text: string, className = 'button'): HTMLButtonElement {
  return h('button', { className, testId, text, attrs: { type: 'button' } });
}

/** What an agent can do to the open conversation. Every action is one SDK call. */
export function threadActions(client: AgentClient, options: ThreadActionsOptions): ThreadActions {
  const watchers = new Disposer();
  const accept = button('accept', 'Accept', 'button primary');
  const intervene = button('intervene', 'Intervene', 'button primary');
  intervene.title = 'Take over from the bot: it stops answering at once';
  const handBack = button('hand-back', 'Hand back to bot');
  handBack.title = "The bot answers the visitor's next message";
  const resolve = button('resolve', 'Resolve…');
  const transfer = button('transfer', 'Transfer…');
  const reopen = button('reopen', 'Reopen');
  const priority = h('select', {
    className: 'priority-select',
    testId: 'priority-select',
    attrs: { 'aria-label': 'Priority' },
  });
  for (const value of PRIORITIES)
    priority.append(h('option', { text: priorityLabel(value), attrs: { value } }));
  const bar = h(
    'div',
    { className: 'thread-actions' },
    priority,
    intervene,
    accept,
    handBack,
    transfer,
    resolve,
    reopen,
  );

  const reason = h('select', { testId: 'resolve-reason', attrs: { 'aria-label': 'Reason' } });
  for (const value of RESOLVE_REASONS)
    reason.append(h('option', { text: resolveReasonLabel(value), attrs: { value } }));
  const resolveNote = h('input', {
    testId: 'resolve-note',
    attrs: {
      type: 'text',
      maxlength: String(NOTE_MAX),
      placeholder: 'Note (optional)',
      'aria-label': 'Resolve note',
    },
  });
  const resolveConfirm = h('button', {
    className: 'button primary',
    testId: 'resolve-confirm',
    text: 'Resolve',
    attrs: { type: 'submit' },
  });
  const resolveForm = h(
    'form',
    { className: 'action-form', testId: 'resolve-form', attrs: { 'aria-label': 'Resolve conversation' } },
    h('label', { className: 'action-field' }, document.createTextNode('Reason '), reason),
    resolveNote,
    resolveConfirm,
    cancelButton('resolve-cancel'),
  );

  const placeholder = h('option', { text: 'Choose an agent or queue…', attrs: { value: '' } });
  const agentGroup = h('optgroup', { attrs: { label: 'Agents' } });
  const queueGroup = h('optgroup', { attrs: { label: 'Queues' } });
  const target = h(
    'select',
    { testId: 'transfer-target', attrs: { 'aria-label': 'Transfer to' } },
    placeholder,
    agentGroup,
    queueGroup,
  );
  const transferNote = h('input', {
    testId: 'transfer-note',
    attrs: {
      type: 'text',
      maxlength: String(NOTE_MAX),
      placeholder: 'Note for whoever takes it (optional)',
      'aria-label': 'Transfer note',
    },
  });
  const transferConfirm = h('button', {
    className: 'button primary',
    testId: 'transfer-confirm',
    text: 'Transfer',
    attrs: { type: 'submit' },
  });
  const transferForm = h(
    'form',
    { className: 'action-form', testId: 'transfer-form', attrs: { 'aria-label': 'Transfer conversation' } },
    h('label', { className: 'action-field' }, document.createTextNode('To '), target),
    transferNote,
    transferConfirm,
    cancelButton('transfer-cancel'),
  );

  const error = h('p', { className: 'form-error', testId: 'thread-action-error', attrs: { role: 'alert' } });
  const panel = h('div', { className: 'thread-action-panel' }, resolveForm, transferForm, error);

  let conversation: Conversation | undefined;
  let open: OpenForm = null;
  let busy = false;
  let failure: unknown = null;
  const optionNodes = {
    agents: new Map<string, HTMLOptionElement>(),
    queues: new Map<string, HTMLOptionElement>(),
  };

  function cancelButton(testId: string): HTMLButtonElement {
    const cancel = button(testId, 'Cancel', 'button subtle');
    cancel.addEventListener('click', () => setOpen(null));
    return cancel;
  }

  function setOpen(form: OpenForm): void {
    open = form;
    failure = null;
    render();
    if (form === 'resolve') reason.focus();
    if (form === 'transfer') target.focus();
  }

  function resetForms(): void {
    reason.value = RESOLVE_REASONS[0];
    resolveNote.value = '';
    target.value = '';
    transferNote.value = '';
  }

  function renderTargets(): void {
    const options = conversation
      ? transferOptions(client.getSnapshot(), conversation, client.getSnapshot().agent?.id ?? null)
      : [];
    const chosen = target.value;
    const fill = (
      group: HTMLOptGroupElement,
      nodes: Map<string, HTMLOptionElement>,
      items: TransferOption[],
    ) =>
      reconcile(
        group,
        nodes,
        items,
        (option) => option.value,
        (option) => h('option', { text: option.label, attrs: { value: option.value } }),
        (node, option) => setText(node, option.label),
      );
    fill(
      agentGroup,
      optionNodes.agents,
      options.filter((option) => option.group === 'agents'),
    );
    fill(
      queueGroup,
      optionNodes.queues,
      options.filter((option) => option.group === 'queues'),
    );
    agentGroup.hidden = agentGroup.childElementCount === 0;
    queueGroup.hidden = queueGroup.childElementCount === 0;
    // The chosen agent may have gone (or become the assignee): back to the placeholder then.
    target.value = options.some((option) => option.value === chosen) ? chosen : '';
  }

  function render(): void {
    const can = conversation
      ? availableActions(conversation.status)
      : { accept: false, intervene: false, resolve: false, transfer: false, reopen: false, priority: false };
    if ((open === 'resolve' && !can.resolve) || (open === 'transfer' && !can.transfer)) open = null;
    accept.hidden = !can.accept;
    intervene.hidden = !can.intervene;
    handBack.hidden = !(conversation && canHandBack(conversation, client.getSnapshot().agent?.id ?? null));
    resolve.hidden = !can.resolve;
    transfer.hidden = !can.transfer;
    reopen.hidden = !can.reopen;
    for (const control of [
      accept,
      intervene,
      handBack,
      resolve,
      transfer,
      reopen,
      resolveConfirm,
      transferConfirm,
    ]) {
      control.disabled = busy;
    }
    priority.disabled = busy || !can.priority;
    if (conversation && !busy) priority.value = conversation.priority;
    resolve.setAttribute('aria-expanded', String(open === 'resolve'));
    transfer.setAttribute('aria-expanded', String(open === 'transfer'));
    resolveForm.hidden = open !== 'resolve';
    transferForm.hidden = open !== 'transfer';
    if (open === 'transfer') renderTargets();
    transferConfirm.disabled = busy || parseTransferTarget(target.value) === null;
    error.hidden = failure === null;
    setText(error, failure === null ? '' : describeError(failure));
    panel.hidden = open === null && failure === null;
  }

  /** Runs one action for the open conversation; a refusal is shown unless the agent moved on. */
  function run(action: (conversationId: string) => Promise<unknown>): void {
    const id = conversation?.id;
    if (id === undefined || busy) return;
    busy = true;
    failure = null;
    render();
    action(id)
      .then(
        () => {
          if (conversation?.id !== id) return;
          open = null;
          resetForms();
        },
        (caught: unknown) => {
          if (conversation?.id === id) failure = caught;
        },
      )
      .finally(() => {
        busy = false;
        render();
      });
  }

  const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

  accept.addEventListener('click', () => run((id) => client.accept(id)));
  intervene.addEventListener('click', () =>
    run(async (id) => {
      await client.accept(id);
      options.onIntervened(id);
    }),
  );
  handBack.addEventListener('click', () => run((id) => client.handBack(id)));
  reopen.addEventListener('click', () => run((id) => client.reopen(id)));
  resolve.addEventListener('click', () => setOpen(open === 'resolve' ? null : 'resolve'));
  transfer.addEventListener('click', () => setOpen(open === 'transfer' ? null : 'transfer'));
  priority.addEventListener('change', () => {
    const value = priority.value as Priority;
    run((id) => client.setPriority(id, value));
  });
  resolveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = reason.value as ResolveReason;
    const note = optional(resolveNote.value);
    run((id) => client.resolve(id, chosen, note));
  });
  target.addEventListener('change', render);
  transferForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const to = parseTransferTarget(target.value);
    if (to === null) return;
    const note = optional(transferNote.value);
    run((id) => client.transfer(id, to, note));
  });

  // Statuses and loads change while the picker is open.
  const renderPicker = (): void => {
    if (open === 'transfer') render();
  };
  watchers.add(client.select((state) => state.agents, renderPicker));
  watchers.add(client.select((state) => state.queues, renderPicker));
  // Hand back is for the signed-in agent's own conversations; a resumed session learns who that is late.
  watchers.add(client.select((state) => state.agent?.id, render));

  render();
  return {
    bar,
    panel,
    show(next) {
      if (next?.id !== conversation?.id) {
        open = null;
        failure = null;
        resetForms();
      }
      conversation = next;
      render();
    },
    openForm(form) {
      const can = conversation ? availableActions(conversation.status) : null;
      if (!can?.[form]) return false;
      setOpen(form);
      return true;
    },
    closeForm() {
      if (open === null) return false;
      const was = open;
      setOpen(null);
      (was === 'resolve' ? resolve : transfer).focus();
      return true;
    },
    dispose: () => watchers.dispose(),
  };
}
