/**
 * A long check a service runs while the person watches (a town's chains, the signed checkpoints): read as server-sent
 * events, since a large one takes longer than the gateway waits for one answer — `progress` as it goes, then
 * `verdict`, or `failed` with the service's code and message.
 */
import { ApiError, session } from './api.js';
import { showMessage } from './html.js';
import { serverSentEvents } from './server-sent-events.js';

/**
 * The verdict of the check at `path` of `service` (asked with `query`, or with `body` as a POST), calling onProgress
 * with each report; nothing once `stillWanted()` says no (the person started another check or left the screen), which
 * also ends the check on the service.
 */
export async function followCheck(service, path, { query, body }, onProgress, stillWanted) {
  const stop = new AbortController();
  const search = query ? `?${new URLSearchParams(query)}` : '';
  const headers = { accept: 'text/event-stream', authorization: `Bearer ${session.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/api/${service}${path}${search}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: stop.signal,
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接工作台服务，请检查网络后重试' });
  }
  if (!response.ok || !response.body) {
    throw new ApiError(response.status, await response.json().catch(() => null));
  }
  try {
    for await (const event of serverSentEvents(response.body)) {
      if (!stillWanted()) return undefined;
      if (event.type === 'progress') onProgress(event.data);
      if (event.type === 'verdict') return event.data;
      if (event.type === 'failed') throw new ApiError(503, event.data);
    }
    throw new ApiError(503, { message: '核验中断（连接已断开），请重新核验' });
  } finally {
    stop.abort();
  }
}

/**
 * Checks whose progress and verdict show in `box`, one at a time: a check started again, or a screen left, silences
 * the one before (and ends it on the service). The function runs one: `progressText(progress)` is shown as it goes;
 * it answers the verdict, or nothing when the check was silenced.
 */
export function checksShownIn(box) {
  let latest = 0;
  return async (service, path, request, progressText) => {
    const mine = ++latest;
    const current = () => mine === latest && box.isConnected;
    try {
      const verdict = await followCheck(
        service,
        path,
        request,
        (progress) => {
          if (current()) showMessage(box, 'info', progressText(progress));
        },
        current,
      );
      return current() ? verdict : undefined;
    } catch (error) {
      if (current()) throw error;
      return undefined;
    }
  };
}
