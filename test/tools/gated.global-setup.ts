import { skipSummaryAtEnd } from '../helpers/tools.js';

/** The skip summary of test/global-setup.ts, for the nested run of test/tools/tools.test.ts. */
export default function setup(): () => void {
  return skipSummaryAtEnd();
}
