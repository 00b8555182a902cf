/** Which configured values are secret: the list the logger scrubs from every line (src/log.ts). */
import { DEMO_CREDENTIALS } from './demo.ts';
import type { Config } from './types.ts';

/** Demo credentials are public; scrubbing "demo" from every log line would only mangle them. */
const PUBLIC_DEMO_VALUES = new Set<string>(Object.values(DEMO_CREDENTIALS));

/** Values that must never reach a log line. */
export function secretsOf(config: Config): string[] {
  return [
    config.line.channelSecret,
    config.line.channelAccessToken,
    config.provider.password,
    config.provider.callbackSecret,
    config.owner.registerCode ?? '',
  ].filter((s) => s.length >= 4 && !PUBLIC_DEMO_VALUES.has(s));
}
