/**
 * Calls the services through the console's same-origin gateway (/api/<service>/…) with the login token, and
 * turns every refusal into an ApiError carrying the service's Chinese message.
 */
const TOKEN_KEY = 'oneseal.token';
const USER_KEY = 'oneseal.user';

// sessionStorage, not localStorage: a token should not outlive the browser tab on a shared window PC.
export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  get user() {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw ? JSON.parse(raw) : null;
  },
  save(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};

export const hasRole = (user, ...roles) => !!user && user.roles.some((role) => roles.includes(role));

const APPLICANT_KEY = 'oneseal.applicant';

/**
 * An applicant signed in to 网上办事 with their mobile number: kept apart from a staff login (a clerk's browser may
 * hold both), for the tab only, like the staff token.
 */
export const applicantSession = {
  get current() {
    const raw = sessionStorage.getItem(APPLICANT_KEY);
    const saved = raw ? JSON.parse(raw) : null;
    return saved && Date.parse(saved.expiresAt) > Date.now() ? saved : null;
  },
  save(signedIn) {
    sessionStorage.setItem(APPLICANT_KEY, JSON.stringify(signedIn));
  },
  clear() {
    sessionStorage.removeItem(APPLICANT_KEY);
  },
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `请求失败（HTTP ${status}）`);
    this.status = status;
    this.code = body?.code;
    this.details = body?.details;
    this.problems = body?.problems ?? [];
  }
}

let onUnauthorized = () => {};

/** The app decides what a lost login means (back to the login page); set once at start. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * api('approval', '/tasks/inbox', { query, method, body, form, headers }): JSON in, JSON out. `form` is a
 * FormData sent as multipart (the browser sets its boundary). `asApplicant`: with the applicant's token instead of
 * the staff login (a refusal then never ends the staff login).
 */
export async function api(
  service,
  path,
  { method = 'GET', query, body, form, headers = {}, asApplicant = false } = {},
) {
  const init = { method, headers: { accept: 'application/json', ...headers } };
  const token = asApplicant ? applicantSession.current?.token : session.token;
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (form) {
    init.body = form;
  } else if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/api/${service}${path}${queryString(query)}`, init);
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接工作台服务，请检查网络后重试' });
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) return data;
  // A 401 on a request that carried a token means the login ended; a failed login itself has no token.
  if (response.status === 401 && session.token && !asApplicant) {
    session.clear();
    onUnauthorized(data?.message);
  }
  throw new ApiError(response.status, data);
}

/** A file a service answers with (a page of a case file), fetched with the login token, as a Blob. */
export async function apiBlob(service, path, { query } = {}) {
  const headers = session.token ? { authorization: `Bearer ${session.token}` } : {};
  let response;
  try {
    response = await fetch(`/api/${service}${path}${queryString(query)}`, { headers });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接工作台服务，请检查网络后重试' });
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return { blob: await response.blob(), sha256: response.headers.get('x-content-sha256') };
}

/** An Idempotency-Key; randomUUID exists only on secure origins, so plain-http LAN access gets the fallback. */
export function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The URL of a stamped PDF: public, so a plain link opens it without the token. */
export const documentUrl = (documentId) => `/api/seal/documents/${encodeURIComponent(documentId)}`;
