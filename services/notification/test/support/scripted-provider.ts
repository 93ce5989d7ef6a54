import type { NotificationProvider, OutgoingMessage } from '../../src/delivery/notification-provider';

type Outcome = (message: OutgoingMessage) => string;

/** A provider that answers as scripted, one outcome per call, and accepts everything once the script is out. */
export class ScriptedProvider implements NotificationProvider {
  readonly name = 'scripted';
  readonly calls: OutgoingMessage[] = [];

  constructor(private readonly script: Outcome[] = []) {}

  async send(message: OutgoingMessage): Promise<string> {
    this.calls.push(message);
    const outcome = this.script.shift();
    return outcome ? outcome(message) : `accepted-${this.calls.length}`;
  }
}
