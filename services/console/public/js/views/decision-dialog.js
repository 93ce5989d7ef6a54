import { api } from '../api.js';
import { html, linesOf, mount, showError } from '../html.js';
import { OUTCOMES } from '../labels.js';
import { renderCaseFile } from './case-file.js';

/** The case as the clerk knows it: receipt number, matter and applicant (the inbox row carries all three). */
const caseTitle = (task) =>
  [task.receiptNumber, task.matterName, task.applicantName]
    .filter(Boolean)
    .map((part) => ` · ${part}`)
    .join('');

/**
 * The 办理 dialog for one task, with the application and its pages above the decision: nobody decides on a case
 * they cannot read. Resolves with the service's answer once the decision is taken, or null when the
 * clerk cancels.
 */
export function openDecisionDialog(task) {
  const dialog = document.createElement('dialog');
  dialog.className = 'decision';
  mount(
    dialog,
    html`<h3>办理：${task.stepName}<span class="case-title">${caseTitle(task)}</span></h3>
      <section class="case-file dialog-case-file"><p class="muted">正在载入申请…</p></section>
      <form class="decision-form">
        <fieldset class="outcomes">
          <legend>办理结果</legend>
          ${Object.entries(OUTCOMES).map(
            ([code, title]) =>
              html`<label
                ><input
                  type="radio"
                  name="outcome"
                  value="${code}"
                  required
                  ${code === 'approve' ? 'checked' : ''}
                />
                ${title}</label
              >`,
          )}
        </fieldset>
        <label>办理意见 <textarea name="opinion" required maxlength="1000" rows="3"></textarea></label>
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
    if (!file || task.receiptNumber) return;
    const named = {
      receiptNumber: file.receiptNumber,
      matterName: file.matter.name,
      applicantName: file.applicant.name,
    };
    mount(dialog.querySelector('.case-title'), caseTitle(named));
  });
  const form = dialog.querySelector('form.decision-form');
  const missing = dialog.querySelector('.missing');
  const message = dialog.querySelector('.message');

  return new Promise((resolve) => {
    const finish = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    form.addEventListener('change', () => {
      missing.hidden = form.elements.outcome.value !== 'request-correction';
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
