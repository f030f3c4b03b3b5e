import { consent } from './consent';
import { TRACKER } from './tracker-origin';

interface SimAnalytics {
  page(): void;
  event(name: string): Promise<void>;
}

const vendor = () => (window as { simAnalytics?: SimAnalytics }).simAnalytics;

/**
 * Loads the analytics vendor only once analytics is granted (at once for a returning visitor who
 * granted it). After a revoke the vendor's code stays in memory, but the gate drops its traffic.
 */
export function startAnalytics(): void {
  consent.whenGranted('analytics').then(() => {
    if (document.querySelector('script[data-vendor="sim-analytics"]')) return;
    const script = document.createElement('script');
    script.async = true;
    script.dataset.vendor = 'sim-analytics';
    script.src = `${TRACKER}/a/loader.js?site=spa`;
    document.head.append(script);
  });
}

/** A page view after a client-side route change (the loader sends the first one itself). */
export function trackPageView(): void {
  vendor()?.page();
}
