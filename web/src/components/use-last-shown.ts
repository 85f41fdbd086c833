import { useState } from 'react';

/**
 * The value while it is set, and the last one after it is cleared. A dialog that closes when its
 * subject becomes null keeps showing that subject during its closing animation instead of blanks.
 */
export function useLastShown<T>(value: T | null): T | null {
  const [last, setLast] = useState(value);
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}
