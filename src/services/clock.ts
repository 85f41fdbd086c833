/** The time, as a parameter: tests pass a clock they move by hand. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
