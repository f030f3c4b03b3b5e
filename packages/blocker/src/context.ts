import type { Decisions } from './decide';
import type { SetAttribute } from './element';
import type { Holder, Win } from './holder';
import type { Patcher } from './patch';

/**
 * Everything a channel installer may use. Each installer takes only the fields it names
 * (`Pick<GateContext, …>`) and returns its own cleanup.
 */
export interface GateContext {
  w: Win;
  decisions: Decisions;
  holder: Holder;
  set: SetAttribute;
  /** A request of `category` was held: dropped, or (`replayHeldRequests`) kept to be sent on grant. */
  drop(kind: string, url: string, category: string, replay?: () => void): void;
  /** A patcher for one installer; what it cannot patch is reported by name. */
  patcher(): Patcher;
}
