import { api } from '../api.js';
import { html, showError, showMessage } from '../html.js';

/** The steps a clerk serves the applicant in face to face, and the service each is rated as. */
export const COUNTER_EVENTS = {
  受理: 'acceptance',
  代办: 'acceptance',
  初审: 'acceptance',
  送达: 'delivery',
};

export const rateButtonHtml = (caseId, serviceEvent) =>
  html`<button
    type="button"
    class="rate-at-counter"
    data-rate-event="${serviceEvent}"
    data-case-id="${caseId}"
  >
    请申请人在评价器上评价
  </button>`;

/** Sends the service just done to this clerk's 评价器 (the pad signed in as them, facing the applicant). */
export async function askForRating(button, message) {
  button.disabled = true;
  try {
    await api('routing', '/rating-pad/requests', {
      method: 'POST',
      body: { caseId: button.dataset.caseId, serviceEvent: button.dataset.rateEvent },
    });
    showMessage(message, 'ok', '已推送到评价器，请申请人在评价器上评价本次服务');
  } catch (error) {
    showError(message, error);
    button.disabled = false;
  }
}
