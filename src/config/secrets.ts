/** Which configured values are secret: the list the logger scrubs from every line (src/log.ts). */
import { DEMO_CREDENTIALS } from './demo.ts';
import type { Config } from './types.ts';

/** Demo credentials are public; scrubbing "demo" from every log line would only mangle them. */
const PUBLIC_DEMO_VALUES = new Set<string>(Object.values(DEMO_CREDENTIALS));

/**
 * Values that must never reach a log line, whatever their length (the logger decides how to
 * find short ones without mangling the rest). The public demo values are left out only in demo
 * mode: a real bot whose password happens to be "demo" still has it scrubbed.
 */
export function secretsOf(config: Config): string[] {
  const secrets = [
    config.line.channelSecret,
    config.line.channelAccessToken,
    config.provider.password,
    config.provider.callbackSecret,
    config.owner.registerCode,
    config.metrics.kind === 'token' ? config.metrics.token : undefined,
  ];
  return [...new Set(secrets)].filter((s): s is string => !!s && !(config.demo && PUBLIC_DEMO_VALUES.has(s)));
}
