/**
 * `npm run setup:line`: one-time LINE setup for a real deployment.
 *
 * Reads the configuration exactly like `npm start` (.env, then the environment), installs the
 * rich menu (เติมเงิน / เช็คสถานะ / วิธีใช้, image drawn in-process) as every user's default,
 * and prints the webhook URL to paste into the LINE Developers console (from PUBLIC_URL).
 * Refuses in demo mode: there is no LINE channel to set up, and /dev needs none.
 */
import { pathToFileURL } from 'node:url';
import { ConfigError, describeConfigError, loadConfig, readEnv } from './config.ts';
import { createLineClient, type LineClient } from './line/client.ts';
import { installRichMenu } from './line/richmenu/index.ts';

export interface SetupIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Tests pass a client pointed at the stand-in. */
  line?: LineClient;
}

/** Returns the process exit code. */
export async function runSetupLine(env: Record<string, string | undefined>, io: SetupIo): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(describeConfigError(error));
      return 1;
    }
    throw error;
  }
  if (config.demo) {
    io.err('setup:line configures a real LINE channel, but no LINE credentials are set (demo mode).');
    io.err('Set LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN and the TOPUP_* settings in .env (see .env.example),');
    io.err('then run `npm run setup:line` again. To try the bot without LINE, run `npm start` and open http://localhost:3000/dev');
    return 2;
  }

  const line =
    io.line ??
    createLineClient({
      channelAccessToken: config.line.channelAccessToken,
      apiBaseUrl: config.line.apiBaseUrl,
      dataApiBaseUrl: config.line.dataApiBaseUrl,
    });

  try {
    const bot = await line.getBotInfo();
    io.out(`LINE channel: ${bot.displayName}${bot.basicId ? ` (${bot.basicId})` : ''}`);
  } catch (error) {
    io.err(`Could not reach the LINE Messaging API with LINE_CHANNEL_ACCESS_TOKEN: ${String(error)}`);
    return 1;
  }

  let richMenuId: string;
  try {
    richMenuId = await installRichMenu(line);
  } catch (error) {
    io.err(`Creating the rich menu failed: ${String(error)}`);
    return 1;
  }
  io.out(`Rich menu ${richMenuId} created (เติมเงิน · เช็คสถานะ · วิธีใช้) and set as the default for all users.`);

  const publicUrl = env['PUBLIC_URL']?.trim();
  io.out('');
  if (publicUrl) {
    let webhook: URL;
    try {
      webhook = new URL('webhook', publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
    } catch {
      io.err(`PUBLIC_URL is not a URL: "${publicUrl}"`);
      return 1;
    }
    io.out('In the LINE Developers console → your channel → Messaging API → Webhook settings:');
    io.out(`  Webhook URL:  ${webhook.href}`);
    io.out('  Use webhook:  on        (then press Verify: the bot answers 200)');
    if (webhook.protocol !== 'https:') io.err('  Warning: LINE only delivers to https:// webhook URLs.');
  } else {
    io.out('Webhook URL: set PUBLIC_URL to the public https address of this bot (e.g. PUBLIC_URL=https://topup.example.com)');
    io.out('and run this again to print it, or enter https://<your host>/webhook yourself in the LINE Developers');
    io.out('console → your channel → Messaging API → Webhook settings, turn "Use webhook" on and press Verify.');
  }
  io.out('Also in LINE Official Account Manager → Response settings: turn auto-reply and greeting messages off,');
  io.out('so only the bot answers.');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runSetupLine(readEnv(), { out: (l) => console.log(l), err: (l) => console.error(l) });
  process.exit(code);
}
