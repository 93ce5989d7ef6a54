/**
 * 居民身份证 input for the 自助一体机, from whichever reader the hall has: one that types what it reads (a keyboard
 * wedge: the number, or 姓名 and number separated by | or a comma, then Enter, faster than anyone types), one on a
 * serial port (Web Serial, one line per card in the same format), or the number typed by hand as the fallback.
 * Each source hands over { idNumber, name? } only for a number whose check digit holds (GB 11643-1999).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
/** A reader types a whole card in well under this; a person does not. */
const WEDGE_BURST_MS = 600;
const WEDGE_MIN_LENGTH = 18;

export function isResidentIdNumber(value) {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return CHECK_CHARACTERS[sum % 11] === value[17];
}

/** One card as a reader writes it: the number alone, or a name beside it (either order, | or comma between). */
export function parseCardLine(text) {
  const parts = String(text)
    .normalize('NFKC')
    .trim()
    .split(/[|,，]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const idNumber = parts.map((part) => part.toUpperCase()).find(isResidentIdNumber);
  if (!idNumber) return null;
  const name = parts.find((part) => part.toUpperCase() !== idNumber && /^[\u3400-\u9fff·]{2,20}$/.test(part));
  return name ? { idNumber, name } : { idNumber };
}

/**
 * Listens for a keyboard-wedge reader anywhere on the page: keys arriving in one quick burst and ending with Enter
 * are a card; anything typed at a person's pace is left alone. Returns the function that stops listening.
 */
export function listenForWedgeReader(onCard, target = window) {
  let buffer = '';
  let startedAt = 0;
  const onKey = (event) => {
    const now = Date.now();
    if (event.key === 'Enter') {
      const card =
        buffer.length >= WEDGE_MIN_LENGTH && now - startedAt < WEDGE_BURST_MS && parseCardLine(buffer);
      buffer = '';
      if (card) {
        event.preventDefault();
        onCard(card, 'wedge');
      }
      return;
    }
    if (event.key.length !== 1) return;
    if (!buffer || now - startedAt > WEDGE_BURST_MS) {
      buffer = '';
      startedAt = now;
    }
    buffer += event.key;
  };
  target.addEventListener('keydown', onKey, true);
  return () => target.removeEventListener('keydown', onKey, true);
}

export const serialReaderAvailable = () => typeof navigator !== 'undefined' && 'serial' in navigator;

/**
 * Connects a serial reader the person at the kiosk picks (the browser asks once; a kiosk browser can be set to
 * allow it), and reads one card per line until `stop` is called.
 */
export async function connectSerialReader(onCard, { baudRate = 115200 } = {}) {
  const port = await navigator.serial.requestPort();
  await port.open({ baudRate });
  const reader = port.readable.pipeThrough(new TextDecoderStream()).getReader();
  let stopped = false;
  void (async () => {
    let pending = '';
    while (!stopped) {
      const { value, done } = await reader.read();
      if (done) break;
      pending += value;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const card = parseCardLine(line);
        if (card) onCard(card, 'serial');
      }
    }
  })();
  return async () => {
    stopped = true;
    await reader.cancel().catch(() => undefined);
    await port.close().catch(() => undefined);
  };
}

/** A number as a screen may show it to whoever stands behind the applicant: 1405**********002X. */
export const maskIdNumber = (idNumber) => `${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(14)}`;
