/** Reading a server-sent event stream the console opened with fetch (EventSource cannot send the login token). */

/** The events of a server-sent stream's text, as { type, data } (data parsed as JSON; {} when empty). */
export function parseEvents(text) {
  const events = [];
  for (const block of text.split('\n\n')) {
    let type = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    }
    if (block.trim() && !block.startsWith(':')) {
      try {
        events.push({ type, data: data ? JSON.parse(data) : {} });
      } catch {
        events.push({ type, data: {} });
      }
    }
  }
  return events;
}

/** The events of a stream's body as they arrive, each { type, data }; ends with the stream. */
export async function* serverSentEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      pending += value;
      const complete = pending.lastIndexOf('\n\n');
      if (complete < 0) continue;
      const events = parseEvents(pending.slice(0, complete + 2));
      pending = pending.slice(complete + 2);
      yield* events;
    }
  } finally {
    reader.releaseLock();
  }
}
