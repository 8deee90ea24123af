import { checkAdviceText } from '../../src/domain/i18n/admin-advice';
import { formatMoment } from '../../src/domain/i18n/format-date-time';
import { translate } from '../i18n';
import { el, type ViewContext } from '../views/dom';
import type { ConnectionCheck } from '../../contracts/admin-api';

const OUTCOME = { ok: 'adminTab.check.ok', problems: 'adminTab.check.problems', not_confirmable: 'adminTab.check.notConfirmable' } as const;
const STATUS = { ok: 'adminTab.check.status.ok', problem: 'adminTab.check.status.problem', warning: 'adminTab.check.status.warning' } as const;

/**
 * The result of "Test connection": the outcome, Profit's version, per GetConnector whether the app
 * connector has it and which fields it lacks, then the findings (what to do in Profit) in the
 * user's language, or in the API's English when this tab does not know a finding's code.
 */
export function checkView(ctx: ViewContext, check: ConnectionCheck): HTMLElement {
  const { doc, lang } = ctx;
  const tone = check.outcome === 'ok' ? 'good' : check.outcome === 'problems' ? 'error' : 'warning';
  const listName = (kind: 'task' | 'signal') => translate(lang, kind === 'task' ? 'summary.tasks' : 'summary.signals');
  const connectors = check.connectors.map((c) => {
    const key = c.inAppConnector === null ? 'adminTab.check.notChecked' : c.inAppConnector ? 'adminTab.check.inAppConnector' : 'adminTab.check.notInAppConnector';
    return el(doc, 'li', {}, [
      el(doc, 'span', { text: translate(lang, key, { connector: c.connector, list: listName(c.kind) }) }),
      c.missingFields.length > 0
        ? el(doc, 'div', { className: 'missing' }, [
            el(doc, 'span', { text: translate(lang, 'adminTab.check.missing', { connector: c.connector }) }),
            el(doc, 'ul', { className: 'missing-fields' }, c.missingFields.map((m) => el(doc, 'li', {}, [el(doc, 'code', { className: 'field-name', text: m.field }), m.usedFor.length > 0 ? ` ${translate(lang, 'adminTab.check.usedFor', { uses: m.usedFor.join(', ') })}` : null]))),
          ])
        : null,
    ]);
  });
  return el(doc, 'section', { className: `check check-${tone}`, attrs: { 'aria-label': translate(lang, 'adminTab.check.label'), role: 'status' } }, [
    el(doc, 'p', { className: 'check-outcome', text: translate(lang, OUTCOME[check.outcome]) }),
    el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.check.checkedAt', { time: formatMoment(lang, new Date(check.checkedAt), ctx.now) }) }),
    check.profitVersion ? el(doc, 'p', { className: 'check-version', text: translate(lang, 'adminTab.check.version', { version: check.profitVersion }) }) : null,
    check.outcome === 'not_confirmable' ? null : el(doc, 'ul', { className: 'check-connectors' }, connectors),
    el(doc, 'ul', { className: 'check-findings' }, check.findings.map((f) =>
      el(doc, 'li', { className: `finding finding-${f.status}` }, [
        el(doc, 'span', { className: 'finding-status', text: `${translate(lang, STATUS[f.status])}: ` }),
        el(doc, 'span', { text: (f.code ? checkAdviceText(lang, f.code, f.params) : null) ?? f.message }),
        f.profitLogReference ? el(doc, 'span', { className: 'hint', text: ` ${translate(lang, 'adminTab.check.reference', { reference: f.profitLogReference })}` }) : null,
      ]),
    )),
  ]);
}
