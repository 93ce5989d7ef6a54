import { applicantSession } from './api.js';

/**
 * 自助一体机 mode: a browser in the hall, signed in as the center's kiosk (a window account), used by anyone. While
 * it is on, only the public pages and the kiosk's own open; an applicant's sign-in and a card read are forgotten
 * when the kiosk returns home or nobody has touched it for two minutes.
 */
const KIOSK_KEY = 'oneseal.kiosk';
const CARD_KEY = 'oneseal.kiosk-card';
const IDLE_MS = 120_000;

export const kioskTown = () => sessionStorage.getItem(KIOSK_KEY);

export function enterKioskMode(town) {
  sessionStorage.setItem(KIOSK_KEY, town);
}

export function leaveKioskMode() {
  sessionStorage.removeItem(KIOSK_KEY);
  forgetVisitor();
}

/** The card read at the kiosk, handed to 网上申请 so the applicant need not type their number. */
export const rememberCard = (card) => sessionStorage.setItem(CARD_KEY, JSON.stringify(card));
export const cardAtKiosk = () => JSON.parse(sessionStorage.getItem(CARD_KEY) ?? 'null');

/** Everything of the person who just used the kiosk: their sign-in and their card. */
export function forgetVisitor() {
  sessionStorage.removeItem(CARD_KEY);
  applicantSession.clear();
}

let idleTimer;

/** Back to the kiosk's home after two minutes without a touch or a key, the visitor forgotten. */
export function watchIdleKiosk() {
  const restart = () => {
    clearTimeout(idleTimer);
    if (!kioskTown()) return;
    idleTimer = setTimeout(() => {
      forgetVisitor();
      // Already home: render it afresh, or the last visitor's screen (and card) stays.
      if (location.hash === '#/kiosk') window.dispatchEvent(new HashChangeEvent('hashchange'));
      else location.hash = '#/kiosk';
    }, IDLE_MS);
  };
  for (const event of ['pointerdown', 'keydown']) window.addEventListener(event, restart, true);
  restart();
}
