// An answer read whole, as text and (when it is JSON) parsed: for tests that check bytes and headers.
export interface Raw {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

export async function raw(res: Response): Promise<Raw> {
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {
    // left empty: the test looks at text
  }
  return { status: res.status, headers: res.headers, text, json };
}
