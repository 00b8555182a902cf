/**
 * Postback data is a URL query string (`action=confirm&order=…&t=…`, DESIGN §3): readable in
 * logs, and any field can be added without breaking old buttons.
 */
export type PostbackAction = 'confirm' | 'edit' | 'cancel' | 'change' | 'retry' | 'cancelOrder' | (string & {});

export function encodePostback(action: PostbackAction, fields: Record<string, string> = {}): string {
  return new URLSearchParams({ action, ...fields }).toString();
}

export function decodePostback(data: string): { action: string; fields: Record<string, string> } {
  const params = new URLSearchParams(data);
  const fields = Object.fromEntries(params);
  const action = fields.action ?? '';
  delete fields.action;
  return { action, fields };
}
