import type { TabChannel } from './types';

/** The doorbell between the tabs of one site: see {@link openTabChannel}. */
export interface TabDoorbell {
  /** Tells the other tabs to look at storage again. */
  ring(): void;
  close(): void;
}

/**
 * Opens the tab channel `name` (`BroadcastChannel` unless `open` replaces it; `false`: none).
 * It is only a doorbell: a message means "storage changed, read it again" and carries nothing
 * the receiver applies, so a forged message can at most make a tab re-read what is stored.
 */
export function openTabChannel(
  name: string,
  open: false | ((name: string) => TabChannel) | undefined,
  onRing: () => void,
  report: (message: string, error?: unknown) => void,
): TabDoorbell {
  let channel: TabChannel | null = null;
  try {
    const opener =
      open ?? (typeof BroadcastChannel === 'undefined' ? false : (n: string) => new BroadcastChannel(n));
    channel = opener ? opener(name) : null;
    if (channel) channel.onmessage = () => onRing();
  } catch (error) {
    report('tab channel failed', error);
  }
  return {
    ring() {
      try {
        channel?.postMessage('');
      } catch (error) {
        report('tab channel failed', error);
      }
    },
    close() {
      try {
        channel?.close();
      } catch {}
      channel = null;
    },
  };
}
