import { translate, type Language } from '../i18n';
import { el } from '../views/dom';
import type { AdminConnection } from '../../contracts/admin-api';
import { DEFAULT_TASK_ACTION_SETTINGS } from '../../src/domain/task-action';
import { sentence } from './admin-dom';
import { environmentTypeOf, isParticipantNumber, type ConnectionFormValues } from './connection-changes';
import { FieldMapEditor } from './field-map-editor';
import { checkboxField, selectField, textField, type Field } from './form-fields';

export interface ConnectionFormHandlers {
  onSave(values: ConnectionFormValues): void;
  onCancel(): void;
}

type TextKey = 'name' | 'environment' | 'apiKey' | 'environmentKey' | 'tasksConnector' | 'signalsConnector' | 'insiteUrl' | 'taskUrlTemplate' | 'signalUrlTemplate' | 'defaultTasksUrl' | TaskActionConnector;
const TASK_ACTION_CONNECTORS = ['subjectTasksConnector', 'workflowActionsConnector', 'reactionConnector'] as const;
type TaskActionConnector = (typeof TASK_ACTION_CONNECTORS)[number];

/** Settings of the AFAS_* connection that can change here (the server refuses the others). */
const CHANGEABLE_FROM_SETTINGS = new Set(['defaultList', 'enabled']);

/**
 * Create or edit one connection. Built once per opening and kept while open, so nothing typed is
 * lost; the API's problems are placed under the fields they name. The two keys are password
 * inputs that start empty and say only whether a key is set.
 */
export class ConnectionForm {
  readonly element: HTMLFormElement;
  private readonly text = new Map<TextKey, Field<HTMLInputElement>>();
  private readonly environmentType: Field<HTMLSelectElement>;
  private readonly defaultList: Field<HTMLSelectElement>;
  private readonly useDefaultTasksUrl: Field<HTMLInputElement>;
  private readonly enabled: Field<HTMLInputElement>;
  private readonly taskActions: Field<HTMLInputElement>;
  private readonly taskMap: FieldMapEditor;
  private readonly signalMap: FieldMapEditor;
  private readonly summary: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private busy = false;

  constructor(private readonly doc: Document, private readonly lang: Language, readonly connection: AdminConnection | null, handlers: ConnectionFormHandlers) {
    const c = connection;
    const locked = (key: string) => c !== null && c.fromConfiguration && !CHANGEABLE_FROM_SETTINGS.has(key);
    const field = (key: TextKey, value: string, extra: { hint?: string; type?: 'text' | 'password' | 'url'; autocomplete?: string; maxlength?: number; placeholder?: string } = {}) => {
      const made = textField(doc, { id: `connection-${key}`, label: translate(lang, `adminTab.field.${key}`), value, disabled: locked(key), ...extra });
      this.text.set(key, made);
      return made.wrapper;
    };
    const keyHint = (set: boolean | undefined) => translate(lang, set ? 'adminTab.field.keySet' : 'adminTab.field.keyNotSet');
    const templateHint = (page: string, field: string) => translate(lang, 'adminTab.field.templateHint', { placeholder: `{${field}}`, example: `https://12345.afasinsite.nl/${page}?id={${field}}` });
    this.environmentType = selectField(doc, {
      id: 'connection-environmentType',
      label: translate(lang, 'adminTab.field.environmentType'),
      value: c ? environmentTypeOf(c.baseUrl) : 'production',
      options: (['production', 'test', 'acceptance'] as const).map((value) => ({ value, label: translate(lang, `adminTab.environmentType.${value}`) })),
      disabled: locked('environmentType'),
    });
    this.defaultList = selectField(doc, {
      id: 'connection-defaultList',
      label: translate(lang, 'adminTab.field.defaultList'),
      value: c?.defaultList ?? 'task',
      options: [
        { value: 'task', label: translate(lang, 'summary.tasks') },
        { value: 'signal', label: translate(lang, 'summary.signals') },
      ],
    });
    this.useDefaultTasksUrl = checkboxField(doc, { id: 'connection-useDefaultTasksUrl', label: translate(lang, 'adminTab.field.useDefaultTasksUrl'), checked: c?.useDefaultTasksUrl ?? false, disabled: locked('useDefaultTasksUrl') });
    this.enabled = checkboxField(doc, { id: 'connection-enabled', label: translate(lang, 'adminTab.field.enabled'), checked: c?.enabled ?? true });
    this.taskActions = checkboxField(doc, { id: 'connection-taskActions', label: translate(lang, 'adminTab.field.taskActions'), hint: translate(lang, 'adminTab.field.taskActionsHint'), checked: c?.taskActions.enabled ?? DEFAULT_TASK_ACTION_SETTINGS.enabled, disabled: locked('taskActions'), role: 'switch' });
    // A standard name shows as the placeholder only, so an emptied field means AFAS's standard name.
    const connectorField = (key: TaskActionConnector) => {
      const standard = DEFAULT_TASK_ACTION_SETTINGS[key];
      const name = c?.taskActions[key] ?? standard;
      return field(key, name === standard ? '' : name, { maxlength: 100, placeholder: standard });
    };
    this.taskMap = new FieldMapEditor(doc, lang, 'task', c?.taskFieldMap ?? {}, false);
    this.signalMap = new FieldMapEditor(doc, lang, 'signal', c?.signalFieldMap ?? {}, false);
    this.summary = el(doc, 'div', { attrs: { 'aria-live': 'polite' } });
    this.submit = el(doc, 'button', { className: 'btn btn-primary', text: translate(lang, c ? 'adminTab.form.save' : 'adminTab.form.create'), attrs: { type: 'submit', 'data-focus-key': 'connection-save' } });

    const environment = field('environment', c?.environment ?? '', { hint: translate(lang, 'adminTab.field.environmentHint') });
    const showType = () => (this.environmentType.wrapper.hidden = !isParticipantNumber(this.value('environment')));
    this.text.get('environment')?.control.addEventListener('input', showType);
    this.element = el(doc, 'form', {
      className: 'form admin-form',
      attrs: { novalidate: '', 'aria-labelledby': 'connection-form-title' },
      on: {
        submit: (event) => {
          event.preventDefault();
          if (!this.busy) handlers.onSave(this.read());
        },
      },
    }, [
      el(doc, 'h2', { className: 'admin-subtitle', text: c ? translate(lang, 'adminTab.form.editTitle', { name: c.name }) : translate(lang, 'adminTab.form.addTitle'), attrs: { id: 'connection-form-title' } }),
      c?.fromConfiguration ? el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.form.fromSettings') }) : null,
      this.summary,
      field('name', c?.name ?? '', { maxlength: 100 }),
      environment,
      this.environmentType.wrapper,
      field('apiKey', '', { type: 'password', autocomplete: 'new-password', hint: keyHint(c?.secrets.apiKeySet), maxlength: 64 }),
      field('environmentKey', '', { type: 'password', autocomplete: 'new-password', hint: keyHint(c?.secrets.environmentKeySet), maxlength: 64 }),
      field('tasksConnector', c?.tasksConnector ?? 'Teams_Tasks', { maxlength: 100 }),
      field('signalsConnector', c?.signalsConnector ?? 'Teams_Signals', { maxlength: 100 }),
      field('insiteUrl', c?.insiteUrl ?? '', { type: 'url', hint: translate(lang, 'adminTab.field.insiteUrlHint') }),
      field('taskUrlTemplate', c?.taskUrlTemplate ?? '', { type: 'url', hint: templateHint('taak', 'guid_task') }),
      field('signalUrlTemplate', c?.signalUrlTemplate ?? '', { type: 'url', hint: templateHint('signaal', 'guid_signal') }),
      field('defaultTasksUrl', c?.defaultTasksUrl ?? '', { type: 'url', hint: translate(lang, 'adminTab.field.defaultTasksUrlHint') }),
      this.useDefaultTasksUrl.wrapper,
      this.defaultList.wrapper,
      this.enabled.wrapper,
      this.taskActions.wrapper,
      ...TASK_ACTION_CONNECTORS.map(connectorField),
      el(doc, 'details', { className: 'map-details', attrs: c && Object.keys({ ...c.taskFieldMap, ...c.signalFieldMap }).length > 0 ? { open: '' } : {} }, [
        el(doc, 'summary', { text: translate(lang, 'adminTab.fieldMap.title') }),
        el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.fieldMap.intro') }),
        this.taskMap.element,
        this.signalMap.element,
      ]),
      el(doc, 'div', { className: 'actions' }, [
        this.submit,
        el(doc, 'button', { className: 'btn', text: translate(lang, 'adminTab.cancel'), attrs: { type: 'button', 'data-focus-key': 'connection-cancel' }, on: { click: () => handlers.onCancel() } }),
      ]),
    ]);
    showType();
  }

  read(): ConnectionFormValues {
    return {
      name: this.value('name'),
      environment: this.value('environment'),
      environmentType: this.environmentType.control.value as ConnectionFormValues['environmentType'],
      apiKey: this.value('apiKey'),
      environmentKey: this.value('environmentKey'),
      tasksConnector: this.value('tasksConnector'),
      signalsConnector: this.value('signalsConnector'),
      insiteUrl: this.value('insiteUrl'),
      taskUrlTemplate: this.value('taskUrlTemplate'),
      signalUrlTemplate: this.value('signalUrlTemplate'),
      defaultTasksUrl: this.value('defaultTasksUrl'),
      useDefaultTasksUrl: this.useDefaultTasksUrl.control.checked,
      defaultList: this.defaultList.control.value === 'signal' ? 'signal' : 'task',
      enabled: this.enabled.control.checked,
      taskActions: {
        enabled: this.taskActions.control.checked,
        subjectTasksConnector: this.value('subjectTasksConnector'),
        workflowActionsConnector: this.value('workflowActionsConnector'),
        reactionConnector: this.value('reactionConnector'),
      },
      taskFieldMap: this.taskMap.read(),
      signalFieldMap: this.signalMap.read(),
    };
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.element.setAttribute('aria-busy', String(busy));
    if (busy) this.submit.setAttribute('aria-disabled', 'true');
    else this.submit.removeAttribute('aria-disabled');
  }

  /**
   * The API's validation problems, each under its field (`taskFieldMap.date` under the task field
   * map); any it does not name a field of go in the summary. Focus moves to the first bad field.
   */
  showProblems(problems: readonly { field: string; message: string }[]): void {
    for (const f of [...this.text.values(), this.environmentType, this.defaultList, this.useDefaultTasksUrl, this.enabled, this.taskActions]) f.showProblem(null);
    const maps: Record<'task' | 'signal', { property: string | null; message: string }[]> = { task: [], signal: [] };
    const unplaced: string[] = [];
    for (const problem of problems) {
      const [name, sub] = problem.field.split('.');
      const single = this.fieldFor(name, sub);
      if (single) single.showProblem(sentence(problem.message));
      else if (name === 'taskFieldMap' || name === 'signalFieldMap') maps[name === 'taskFieldMap' ? 'task' : 'signal'].push({ property: sub ?? null, message: problem.message });
      else unplaced.push(problem.field ? `${problem.field} ${problem.message}` : problem.message);
    }
    this.taskMap.showProblems(maps.task);
    this.signalMap.showProblems(maps.signal);
    if (maps.task.length + maps.signal.length > 0) this.element.querySelector('details')?.setAttribute('open', '');
    this.summary.replaceChildren(
      ...(problems.length > 0 ? [el(this.doc, 'p', { className: 'problem', text: translate(this.lang, 'adminTab.form.notSaved'), attrs: { role: 'alert' } })] : []),
      ...unplaced.map((text) => el(this.doc, 'p', { className: 'problem', text: sentence(text) })),
    );
    this.element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** A save that failed for another reason than the input (no longer an owner, offline): one sentence. */
  showFailure(text: string): void {
    this.showProblems([]);
    this.summary.replaceChildren(el(this.doc, 'p', { className: 'problem', text, attrs: { role: 'alert' } }));
  }

  /** `taskActions.reactionConnector` is the field of that name, `taskActions.enabled` the switch. */
  private fieldFor(name: string, sub: string | undefined): Field<HTMLInputElement | HTMLSelectElement> | null {
    if (name === 'taskActions') {
      const connector = TASK_ACTION_CONNECTORS.find((key) => key === sub);
      return sub === 'enabled' ? this.taskActions : connector ? (this.text.get(connector) ?? null) : null;
    }
    if (this.text.has(name as TextKey)) return this.text.get(name as TextKey) ?? null;
    return ({ environmentType: this.environmentType, defaultList: this.defaultList, useDefaultTasksUrl: this.useDefaultTasksUrl, enabled: this.enabled } as Record<string, Field<HTMLInputElement | HTMLSelectElement>>)[name] ?? null;
  }

  private value(key: TextKey): string {
    return this.text.get(key)?.control.value.trim() ?? '';
  }
}
