/** Browser-side JSON fetch with the server's typed error shape; never throws on HTTP errors. */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; error: { code: string; message: string; details?: unknown } };

export async function apiFetch<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: 'Could not reach the server. Check your connection; nothing was saved.' } };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as T };
  const error = (payload as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
  return { ok: false, status: response.status, error: error ?? { code: 'http', message: `The server answered ${response.status}.` } };
}
