// What /readyz reports: the bot is ready when its store is open, Slack is connected, every stored topology
// is compiled, Slack calls are not all failing, and it is not shutting down. Each condition names itself
// when it is not met, so a probe's output says why.
import type { SlackCallHealth } from './slack-calls.js';

export type Condition = 'store' | 'slack' | 'topologies' | 'shutdown';

export interface ReadinessReport {
  readonly ready: boolean;
  /** One line per unmet condition. */
  readonly reasons: readonly string[];
}

/** The conditions of readiness, set by the composition root as start-up and shutdown proceed. */
export class Readiness {
  readonly #unmet = new Map<Condition, string>([
    ['store', 'the store is not open yet'],
    ['slack', 'not connected to Slack yet'],
    ['topologies', 'the stored topologies are not compiled yet'],
  ]);

  constructor(private readonly slackCalls?: SlackCallHealth) {}

  /** Mark a condition met. */
  met(condition: Condition): void {
    this.#unmet.delete(condition);
  }

  /** Mark a condition unmet, saying why. */
  unmet(condition: Condition, reason: string): void {
    this.#unmet.set(condition, reason);
  }

  report(): ReadinessReport {
    const reasons = [...this.#unmet.entries()].map(([condition, reason]) => `${condition}: ${reason}`);
    const calls = this.slackCalls?.problem();
    if (calls) reasons.push(`slack: ${calls}`);
    return { ready: reasons.length === 0, reasons };
  }
}
