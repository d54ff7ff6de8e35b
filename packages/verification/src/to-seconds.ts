/** Whole seconds to wait for `milliseconds`, rounded up (never a wait too short), at least 0. */
export const toSeconds = (milliseconds: number): number =>
  Math.max(0, Math.ceil(milliseconds / 1000));
