import { LoadDemoButton } from '../demo/load-demo.button';

/** Next to "New unit" on an empty organization: load the demo organization instead. */
export function OrgEmptyExtras() {
  return <LoadDemoButton />;
}
