import { run } from './main.js';
import { post, STATE } from './post.js';
import { getState } from './workflow.js';

// The runner starts this file for the main step and again for `post:`. The main step saves
// STATE.started before anything else, so only the post step finds it. Neither ever rejects:
// each reports its own failures.
void (getState(STATE.started) === '' ? run() : post());
