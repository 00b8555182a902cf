/**
 * What `npm run simulator` prints at start: where it listens, its login, and the exact variables
 * that point the bot at it, so nobody has to read the code to connect the two.
 */
import { randomBytes } from 'node:crypto';

export interface StartupHelpInput {
  /** The API URL, path included. */
  url: string;
  username: string;
  password: string;
  /** SIMULATOR_CALLBACK_URL, when results are POSTed to the bot. */
  callbackUrl?: string;
}

/** The bot's callback route: `/topup/callback/<TOPUP_CALLBACK_SECRET>` (DESIGN §3). */
const CALLBACK_PATH = /\/topup\/callback\/([^/?#]+)$/;

export function startupHelp(input: StartupHelpInput): string {
  const origin = new URL(input.url).origin;
  const fromCallback = input.callbackUrl ? CALLBACK_PATH.exec(new URL(input.callbackUrl).pathname)?.[1] : undefined;
  const secret = fromCallback ? decodeURIComponent(fromCallback) : randomBytes(12).toString('hex');
  const lines = [
    `TOPUP API v2 simulator listening at ${input.url}`,
    `  login     username "${input.username}", password "${input.password}"`,
    `  state     GET  ${origin}/_sim/state`,
    `  control   POST ${origin}/_sim/control`,
    '',
    'Point the bot at it with these variables (in .env or the environment):',
    `  TOPUP_API_URL=${input.url}`,
    `  TOPUP_USERNAME=${input.username}`,
    `  TOPUP_PASSWORD=${input.password}`,
    `  TOPUP_CALLBACK_SECRET=${secret}`,
    '  plus LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN of a LINE test channel: with a provider',
    '  set, the bot leaves demo mode (whose in-process simulator needs none of this) and talks to LINE.',
  ];
  if (input.callbackUrl) {
    lines.push('', `Results are POSTed to ${input.callbackUrl}`);
    if (!fromCallback) lines.push('  (that is not the bot\'s /topup/callback/<TOPUP_CALLBACK_SECRET> route: the bot will 404 it)');
  } else {
    lines.push(
      '',
      'Results are not called back: the bot learns them by asking (`update`). To have them POSTed too,',
      'start the simulator with the bot\'s address and the secret above:',
      `  SIMULATOR_CALLBACK_URL=http://127.0.0.1:3000/topup/callback/${secret} npm run simulator`,
    );
  }
  return lines.join('\n');
}
