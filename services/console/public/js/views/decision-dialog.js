import { api } from '../api.js';
import { html, linesOf, mount, shortId, showError } from '../html.js';
import { OUTCOMES } from '../labels.js';

/**
 * The 办理 dialog for one task. Resolves with the service's answer once the decision is taken, or null when the
 * clerk cancels.
 */
export function openDecisionDialog(task) {
  const dialog = document.createElement('dialog');
  dialog.className = 'decision';
  mount(
    dialog,
    html`<form>
      <h3>办理：${task.stepName} · 办件 ${shortId(task.caseId)}</h3>
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
  const form = dialog.querySelector('form');
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
