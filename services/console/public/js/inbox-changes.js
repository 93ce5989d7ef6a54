/**
 * Keeps a clerk's 我的待办 current without the 刷新 button: the approval service announces each change to a task
 * the person would see (opened, claimed or given back, decided, cancelled) on a server-sent event stream, and the
 * inbox reads its list again. fetch, not EventSource: the stream needs the login token in its header.
 */
import { session } from './api.js';
import { serverSentEvents } from './server-sent-events.js';

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Watches the person's inbox changes until `stillWanted()` says no. Calls onChange({ type, data }) for 'ready' (just
 * connected: look now), 'task' and 'look-again'; onState('live' | 'reconnecting') as the connection comes and goes,
 * and onState('refused') when the login is no longer accepted (the watch ends).
 * Returns a function that stops watching.
 */
export function watchInboxChanges({ view, onChange, onState, stillWanted }) {
  const stop = new AbortController();
  let retryMs = FIRST_RETRY_MS;

  async function connectOnce() {
    const response = await fetch(`/api/approval/tasks/inbox/changes?view=${encodeURIComponent(view)}`, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${session.token}` },
      signal: stop.signal,
    });
    // A refused token ends the watch: the next inbox read takes the person back to the login page.
    if (response.status === 401 || response.status === 403) return 'refused';
    if (!response.ok || !response.body) throw new Error(`inbox changes: HTTP ${response.status}`);
    for await (const event of serverSentEvents(response.body)) {
      if (!stillWanted()) return 'left';
      if (event.type === 'ready') {
        retryMs = FIRST_RETRY_MS;
        onState('live');
      }
      if (event.type !== 'ping') onChange(event);
    }
    return 'ended';
  }

  void (async () => {
    while (!stop.signal.aborted && stillWanted()) {
      let how;
      try {
        how = await connectOnce();
      } catch {
        how = 'failed';
      }
      if (stop.signal.aborted || !stillWanted()) break;
      if (how === 'refused') {
        onState('refused');
        break;
      }
      // A stream the service ended (its time was up, the login's session is checked again, the replica stops) is
      // opened again after a moment.
      if (how === 'ended') await new Promise((resolve) => setTimeout(resolve, 500));
      if (how === 'failed') {
        onState('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, retryMs));
        retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
      }
    }
    stop.abort();
  })();
  return () => stop.abort();
}
