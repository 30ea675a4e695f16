// The few REST calls the harness makes, as a browser client of the seed's API would (JSON in, envelope out).

/** POSTs JSON to `${base}/api/v1${path}` and returns the envelope's `data`, or throws with the server's message. */
export async function post(base, path, body, token) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} → ${res.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text).data;
}
