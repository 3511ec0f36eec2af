import { judgeRun, startRecording } from '../../helpers/produced.js';

interface Project {
  config?: { testNamePattern?: RegExp };
}

/** test/global-setup.ts's recording and judgement, over this folder's fixtures and the codes in ZMQD_EXPECT_CODES. */
export default function setup(project?: Project): () => void {
  startRecording();
  return () => {
    const codes = (process.env.ZMQD_EXPECT_CODES ?? '').split(',').filter(Boolean);
    const pattern = project?.config?.testNamePattern;
    judgeRun(codes, { filtered: pattern ? `tests filtered by name: ${String(pattern)}` : undefined, testDir: __dirname, suffix: '.fixture.ts' });
  };
}
