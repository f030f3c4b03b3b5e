import { type DashboardState, defaultState } from './form-state';

const KEY = 'consentgate-dashboard:v1';

/** The state saved by the last visit, or the defaults (also when storage is unavailable or corrupt). */
export function loadState(): DashboardState {
  const state = defaultState();
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    // Keep only the saved fields whose shape matches (an older or hand-edited save loses the rest).
    const kind = (value: unknown) =>
      Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    for (const key of Object.keys(state) as Array<keyof DashboardState>) {
      if (key in saved && kind(saved[key]) === kind(state[key])) Object.assign(state, { [key]: saved[key] });
    }
  } catch {
    // Storage unavailable or not JSON: start from the defaults.
  }
  return state;
}

/** Saves the state; a full or blocked storage only loses persistence. */
export function saveState(state: DashboardState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Private modes and full quotas: the dashboard still works, it just forgets on reload.
  }
}
