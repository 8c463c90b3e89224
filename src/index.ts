import { run } from './main.js';

// run() reports every failure through core.setFailed itself and never rejects.
void run();
