/** Everything the stand-in remembers between calls; reset() returns it to a fresh channel. */
import type {
  PushRecord,
  RecordedCall,
  ReplyRecord,
  ScriptedFailure,
  StandinProfile,
} from './types.ts';

export interface SentMessage {
  id: string;
  quoteToken: string;
}

export class StandinState {
  calls: RecordedCall[] = [];
  replies: ReplyRecord[] = [];
  pushes: PushRecord[] = [];
  /** Reply tokens are single use: once a reply succeeded, the token answers 400. */
  usedReplyTokens = new Set<string>();
  /** Tokens handed out by issueReplyToken(), so a reply can be routed to its chat. */
  replyTokenChats = new Map<string, string>();
  /** Retry keys of delivered pushes, with what the 409 for a repeat must echo. */
  acceptedRetryKeys = new Map<string, { requestId: string; sentMessages: SentMessage[] }>();
  failures: ScriptedFailure[] = [];
  /** `null` models a user who blocked the bot or is unknown: profile answers 404. */
  profiles = new Map<string, StandinProfile | null>();
  groups = new Map<string, { groupName: string; pictureUrl?: string }>();
  richMenus = new Map<string, unknown>();
  richMenuImages = new Map<string, number>();
  defaultRichMenuId: string | undefined;
  contents = new Map<string, { contentType: string; data: Buffer }>();
  private messageSeq = 0;

  /** The first scripted failure for this call, removed from the queue; undefined when none applies. */
  takeFailure(call: { chat: string | undefined; afterDelivery: boolean }): ScriptedFailure | undefined {
    const i = this.failures.findIndex(
      (f) => (f.afterDelivery ?? false) === call.afterDelivery && (f.chat === undefined || f.chat === call.chat),
    );
    return i < 0 ? undefined : this.failures.splice(i, 1)[0];
  }

  /** LINE message ids are 18-digit decimal strings. */
  nextMessageId(): string {
    this.messageSeq += 1;
    return String(500_000_000_000_000_000n + BigInt(this.messageSeq));
  }

  reset(): void {
    Object.assign(this, new StandinState());
  }
}
