/** The fake third parties of the examples (examples/tracker-simulator). */
export const TRACKER = 'http://localhost:4174';
