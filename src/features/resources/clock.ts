/**
 * The resources slice's clock. Pages and jobs ask it for "now" so that tests (and the browser
 * journey, which runs the app in-process) can move time on without sleeping.
 */
let clock: () => Date = () => new Date();

export const resourceNow = (): Date => clock();

/** Tests only: fix or move the clock; `null` goes back to the real one. */
export function setResourceClock(next: (() => Date) | null): void {
  clock = next ?? (() => new Date());
}
