/**
 * Configuration problems, all at once: a shop owner fixes every wrong setting in one go instead
 * of finding them one start at a time (DESIGN §3 "Production minimums").
 */

/** One variable and what is wrong with it, phrased to follow the name: "PORT must be …". */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Every problem in the configuration, one per variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.variable} ${p.message}`).join('\n'));
  }
}

/** A value a parser cannot read. The field it belongs to turns it into that variable's problem. */
export class InvalidValue extends Error {
  override name = 'InvalidValue';
}

/** Collects problems; a second problem with the same variable joins the first one's line. */
export class Problems {
  private readonly byVariable = new Map<string, string[]>();

  add(variable: string, message: string): void {
    const messages = this.byVariable.get(variable) ?? [];
    messages.push(message);
    this.byVariable.set(variable, messages);
  }

  /** Throws a ConfigError naming every variable with a problem, in the order they were found. */
  throwIfAny(): void {
    if (this.byVariable.size === 0) return;
    throw new ConfigError([...this.byVariable].map(([variable, messages]) => ({ variable, message: messages.join('; ') })));
  }
}

/** What `npm start` prints for a shop owner: what to fix, one line per variable, and where. */
export function describeConfigError(error: ConfigError): string {
  const count = error.problems.length;
  const width = Math.max(...error.problems.map((p) => p.variable.length));
  return [
    `The bot cannot start: ${count === 1 ? 'a setting needs' : `${count} settings need`} fixing (in .env or in the environment).`,
    '',
    ...error.problems.map((p) => `  ${p.variable.padEnd(width)}  ${p.message}`),
    '',
    'See .env.example and the configuration table in README.md.',
  ].join('\n');
}
