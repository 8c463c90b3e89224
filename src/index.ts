import { run } from './main.js';

// run() reports every failure as a failed step itself (workflow.setFailed) and never rejects.
void run();
