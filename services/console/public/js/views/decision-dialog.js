import { api } from '../api.js';
import { formatDateTime, html, linesOf, mount, showError, todayIso } from '../html.js';
import { commonOpinionsOf, EXPRESS_CARRIERS, HANDOVER_METHODS, OUTCOMES, outcomeWord } from '../labels.js';
import { renderCaseFile } from './case-file.js';

/** The case as the clerk knows it: receipt number, matter and applicant (the inbox row carries all three). */
const caseTitle = (task) =>
  [task.receiptNumber, task.matterName, task.applicantName]
    .filter(Boolean)
    .map((part) => ` · ${part}`)
    .join('');

/** The step's own choices, as the inbox sent them; tasks listed by an older service get the plain four. */
const outcomesOf = (task) =>
  task.outcomes?.length
    ? task.outcomes
    : Object.entries(OUTCOMES).map(([outcome, text]) => ({ outcome, label: text }));

const outcomesHtml = (task) =>
  outcomesOf(task).map(
    ({ outcome, label: text }, index) =>
      html`<label
        ><input type="radio" name="outcome" value="${outcome}" required ${index === 0 ? 'checked' : ''} />
        ${text}</label
      >`,
  );

/** 送达: the 送达回证's facts, filled in with what the case already says. */
const deliveryHtml = (task) =>
  html`<fieldset class="grid delivery">
    <legend>送达记录</legend>
    <label
      >送达方式
      <select name="method">
        ${Object.entries(HANDOVER_METHODS).map(
          ([code, text]) => html`<option value="${code}">${text}</option>`,
        )}
      </select></label
    >
    <label
      >签收人 <input name="recipient" required maxlength="50" size="12" value="${task.applicantName ?? ''}"
    /></label>
    <label>送达日期 <input type="date" name="deliveredOn" required value="${todayIso()}" /></label>
    <label class="express" hidden
      >快递公司
      <select name="carrier">
        <option value="">请选择</option>
        ${EXPRESS_CARRIERS.map((carrier) => html`<option>${carrier}</option>`)}
      </select></label
    >
    <label class="express" hidden>快递单号 <input name="trackingNumber" maxlength="30" size="18" /></label>
    <label class="home" hidden
      >送达人（上门的帮办代办员） <input name="deliveredBy" maxlength="50" size="12"
    /></label>
  </fieldset>`;

/**
 * 给付: what the decision grants, printed on the 给付决定书. Shown to the decider of a 行政给付; the amount starts from
 * what the applicant asked for, when the form asked it.
 */
const grantHtml = () =>
  html`<fieldset class="grid grant" hidden>
    <legend>给付内容（写入给付决定书）</legend>
    <label
      >给付金额
      <input name="grantAmount" maxlength="100" size="24" placeholder="如：一次性发放临时救助金 2000 元"
    /></label>
    <label
      >给付方式 <input name="grantForm" maxlength="100" size="18" placeholder="如：打入申请人社会保障卡"
    /></label>
    <label>给付起始日期 <input type="date" name="grantFrom" /></label>
  </fieldset>`;

/** The amount the applicant asked for, from the 申请表 (requestedAmount), as the decider's starting point. */
function askedAmount(file) {
  const asked = file?.formData?.requestedAmount;
  return typeof asked === 'number' || (typeof asked === 'string' && asked.trim() !== '') ? `${asked} 元` : '';
}

/** What the steps before said (a reviewer's 拟不予 is for the decider to weigh), newest last. */
const earlierHtml = (status) =>
  status.history.length
    ? html`<details class="earlier" open>
        <summary>前序环节意见</summary>
        <ol>
          ${status.history.map(
            (record) =>
              html`<li>
                <strong>${record.kind}</strong>（${record.handlerName ?? '工作人员'}，${formatDateTime(
                  record.decidedAt,
                )}）：${outcomeWord(record.kind, record.outcome)}。${record.opinion}
              </li>`,
          )}
        </ol>
      </details>`
    : '';

const opinionButtonsHtml = (task, outcome) =>
  commonOpinionsOf(task.stepName, outcome, task.level).map(
    (text) => html`<button type="button" class="chip" data-opinion="${text}">${text}</button>`,
  );

/**
 * The 办理 dialog for one task: the application and its pages, what the earlier steps said, then the step's own
 * choices (nobody decides on a case they cannot read, and each step offers only what it may decide). Resolves with
 * the service's answer once the decision is taken, or null when the clerk cancels.
 */
export function openDecisionDialog(task) {
  const dialog = document.createElement('dialog');
  dialog.className = 'decision';
  const delivering = task.stepName === '送达';
  const deciding = task.stepName === '决定';
  mount(
    dialog,
    html`<h3>办理：${task.stepName}<span class="case-title">${caseTitle(task)}</span></h3>
      <section class="case-file dialog-case-file"><p class="muted">正在载入申请…</p></section>
      <div class="earlier-steps"></div>
      <form class="decision-form">
        <fieldset class="outcomes">
          <legend>办理结果</legend>
          ${outcomesHtml(task)}
        </fieldset>
        ${delivering ? deliveryHtml(task) : ''} ${deciding ? grantHtml() : ''}
        <label>办理意见 <textarea name="opinion" required maxlength="1000" rows="3"></textarea></label>
        <div class="common-opinions" aria-label="常用意见"></div>
        <label class="refer" hidden
          >不属于本机关职权的，告知申请人向何机关申请（写入不予受理决定书，可不填）
          <input name="referTo" maxlength="60" placeholder="如：泽州县人力资源和社会保障局" />
        </label>
        <label class="missing" hidden
          >需补正的全部材料（每行一项）
          <textarea name="missingMaterials" rows="4" placeholder="户口簿复印件"></textarea>
        </label>
        <div class="message"></div>
        <div class="buttons">
          <button type="button" data-action="cancel">取消</button>
          <button type="submit" class="primary">提交</button>
        </div>
      </form>`,
  );
  document.body.append(dialog);
  // A task opened before cases were named carries no title of its own: the application names the case.
  void renderCaseFile(dialog.querySelector('.case-file'), task.caseId).then((file) => {
    const method = dialog.querySelector('[name=method]');
    // The way the applicant asked for is where the form starts, unless the clerk has already picked another.
    if (file && delivering && !method.dataset.picked) {
      method.value = file.delivery.method;
      // The carrier and tracking number show for a posted result.
      method.dataset.defaulting = 'yes';
      method.dispatchEvent(new Event('change', { bubbles: true }));
      delete method.dataset.defaulting;
    }
    if (file && deciding && file.matter.typeCode === '05') {
      granting = true;
      dialog.querySelector('[name=grantAmount]').value = askedAmount(file);
      showChoices();
    }
    if (!file || task.receiptNumber) return;
    const named = {
      receiptNumber: file.receiptNumber,
      matterName: file.matter.name,
      applicantName: file.applicant.name,
    };
    mount(dialog.querySelector('.case-title'), caseTitle(named));
  });
  api('routing', `/cases/${encodeURIComponent(task.caseId)}`).then(
    (status) => mount(dialog.querySelector('.earlier-steps'), earlierHtml(status)),
    () => undefined,
  );
  const form = dialog.querySelector('form.decision-form');
  const missing = dialog.querySelector('.missing');
  const message = dialog.querySelector('.message');
  const opinions = dialog.querySelector('.common-opinions');
  // A 行政给付's decision says what it grants: known once the application has loaded.
  let granting = false;
  const showChoices = () => {
    const outcome = form.elements.outcome.value;
    missing.hidden = outcome !== 'request-correction';
    dialog.querySelector('.refer').hidden = !(task.stepName === '受理' && outcome === 'reject');
    const grant = dialog.querySelector('.grant');
    if (grant) grant.hidden = !(granting && outcome === 'approve');
    mount(opinions, opinionButtonsHtml(task, outcome));
  };
  showChoices();

  return new Promise((resolve) => {
    const finish = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    // The facts of one way of handing over only: the carrier of a posted result, the one who carried it home.
    const showHandoverFacts = () => {
      for (const method of ['express', 'home'])
        for (const field of dialog.querySelectorAll(`.delivery .${method}`)) {
          field.hidden = form.elements.method?.value !== method;
          for (const input of field.querySelectorAll('input, select')) input.required = !field.hidden;
        }
    };
    showHandoverFacts();
    form.addEventListener('change', (event) => {
      if (event.target.name === 'outcome') showChoices();
      if (event.target.name === 'method') {
        if (!event.target.dataset.defaulting) event.target.dataset.picked = 'yes';
        showHandoverFacts();
      }
    });
    opinions.addEventListener('click', (event) => {
      const chosen = event.target.closest('[data-opinion]');
      if (chosen) form.elements.opinion.value = chosen.dataset.opinion;
    });
    dialog.querySelector('[data-action=cancel]').addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const outcome = form.elements.outcome.value;
      const decision = { outcome, opinion: form.elements.opinion.value.trim() };
      if (!decision.opinion) {
        showError(message, { message: '请填写办理意见' });
        return;
      }
      if (outcome === 'request-correction') {
        decision.missingMaterials = linesOf(form.elements.missingMaterials.value);
        // The applicant must be told everything missing at once; an empty list tells them nothing.
        if (decision.missingMaterials.length === 0) {
          showError(message, { message: '要求补正时，请逐行列出需补正的全部材料' });
          return;
        }
      }
      const referTo = form.elements.referTo.value.trim();
      if (task.stepName === '受理' && outcome === 'reject' && referTo) decision.referTo = referTo;
      if (granting && outcome === 'approve') {
        const grant = {
          amount: form.elements.grantAmount.value.trim(),
          form: form.elements.grantForm.value.trim(),
          from: form.elements.grantFrom.value,
        };
        if (!grant.amount || !grant.form) {
          showError(message, { message: '准予给付时，请填写给付金额和给付方式（写入给付决定书）' });
          return;
        }
        decision.grant = Object.fromEntries(Object.entries(grant).filter(([, value]) => value));
      }
      if (delivering) {
        decision.delivery = {
          method: form.elements.method.value,
          recipient: form.elements.recipient.value.trim(),
          deliveredOn: form.elements.deliveredOn.value,
          ...(form.elements.method.value === 'express'
            ? {
                carrier: form.elements.carrier.value,
                trackingNumber: form.elements.trackingNumber.value.trim(),
              }
            : {}),
          ...(form.elements.method.value === 'home'
            ? { deliveredBy: form.elements.deliveredBy.value.trim() }
            : {}),
        };
      }
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        finish(
          await api('approval', `/tasks/${encodeURIComponent(task.id)}/decision`, {
            method: 'POST',
            body: decision,
          }),
        );
      } catch (error) {
        showError(message, error);
        button.disabled = false;
      }
    });
    dialog.showModal();
  });
}
